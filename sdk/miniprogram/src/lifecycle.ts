/**
 * What the platform tells the client about the network and the app (LL-RC-10). Each method
 * subscribes and returns the unsubscribe, so that destroy() leaves no listener behind.
 */
export interface Lifecycle {
  onNetwork(listener: (online: boolean) => void): () => void;
  onAppShow(listener: () => void): () => void;
  /** The app may be killed from here on: the client sends what its reporter holds. */
  onAppHide(listener: () => void): () => void;
}

type Cb<T> = (result: T) => void;

/** The parts of wx (or uni, or Taro) the lifecycle uses; the off* calls exist from base library 2.9.3. */
export interface WxLifecycleApi {
  onNetworkStatusChange(cb: Cb<{ isConnected: boolean }>): void;
  offNetworkStatusChange?(cb: Cb<{ isConnected: boolean }>): void;
  onAppShow(cb: Cb<unknown>): void;
  offAppShow?(cb: Cb<unknown>): void;
  onAppHide(cb: Cb<unknown>): void;
  offAppHide?(cb: Cb<unknown>): void;
}

export function wxLifecycle(api: WxLifecycleApi): Lifecycle {
  return {
    onNetwork(listener) {
      const cb: Cb<{ isConnected: boolean }> = (r) => listener(r.isConnected);
      api.onNetworkStatusChange(cb);
      return () => api.offNetworkStatusChange?.(cb);
    },
    onAppShow(listener) {
      const cb: Cb<unknown> = () => listener();
      api.onAppShow(cb);
      return () => api.offAppShow?.(cb);
    },
    onAppHide(listener) {
      const cb: Cb<unknown> = () => listener();
      api.onAppHide(cb);
      return () => api.offAppHide?.(cb);
    },
  };
}
