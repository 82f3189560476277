// The host globals the library uses beyond ES2017, read as free names rather than through
// globalThis: older mini program base libraries have no globalThis, while every runtime the
// library targets (mini programs, browsers, Node) has these names in scope when they exist.
declare const console: { error(...args: unknown[]): void };
declare function setTimeout(task: () => void, ms: number): unknown;
declare function clearTimeout(handle: unknown): void;
/** The mini program's global (uni-app and Taro have their own, passed in explicitly). */
declare const wx: unknown;
declare const WebSocket: unknown;
