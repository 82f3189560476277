// The one global of the host the library uses beyond ES2017 itself: every runtime it targets
// (mini programs, browsers, Node) has it. Timers are reached through globalThis in scheduler.ts.
declare const console: { error(...args: unknown[]): void };
