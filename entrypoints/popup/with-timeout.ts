// A page that never answers (a modal alert, a frozen script) must end in the popup's error state,
// not in a skeleton for ever.

/** `promise`, or a rejection with `message` once `ms` have passed without it settling. */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
