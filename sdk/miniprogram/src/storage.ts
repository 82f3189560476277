/**
 * Where the client keeps what must survive the app being killed: strings under keys, written
 * synchronously, as wx.setStorageSync does, so that a chat typed offline is on disk before
 * send() returns.
 */
export interface Storage {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  remove(key: string): void;
}

interface WxStorage {
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, value: string): void;
  removeStorageSync(key: string): void;
}

/** The mini program's own storage (wx.getStorageSync and friends); uni-app and Taro pass theirs. */
export function wxStorage(api: WxStorage): Storage {
  return {
    get(key) {
      const value = api.getStorageSync(key);
      // getStorageSync answers "" for a key it does not hold.
      return typeof value === 'string' && value !== '' ? value : undefined;
    },
    set: (key, value) => api.setStorageSync(key, value),
    remove: (key) => api.removeStorageSync(key),
  };
}

/** Memory only: survives reconnects, not a restart. What runs where there is no wx. */
export function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get: (key) => map.get(key),
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
  };
}

/** Reads a JSON value, or the fallback when it is absent or unreadable (a store from another version). */
export function readJson<T>(storage: Storage, key: string, fallback: T, valid: (v: unknown) => boolean): T {
  const text = storage.get(key);
  if (text === undefined) return fallback;
  try {
    const value: unknown = JSON.parse(text);
    return valid(value) ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}
