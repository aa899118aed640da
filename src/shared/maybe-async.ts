/** A value now, or later: what a resolver may return when it sometimes holds its value already. */
export type MaybePromise<T> = T | Promise<T>;

/** Applies fn to the value at once when it is there, after it resolves otherwise (no promise made when none is needed). */
export function whenReady<T, U>(value: MaybePromise<T>, fn: (value: T) => MaybePromise<U>): MaybePromise<U> {
  return isPromiseLike(value) ? Promise.resolve(value).then(fn) : fn(value as T);
}

function isPromiseLike<T>(value: MaybePromise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}
