/** The Indonesian half of a message file: exactly the English keys, so a missing or extra key fails to compile. */
export type LocaleMessages<T> = Record<keyof T, string>;
