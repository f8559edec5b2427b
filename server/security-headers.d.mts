/** Types of security-headers.mjs (plain JavaScript so next.config.mjs can import it). */
export declare const LOCKED_DOWN_CSP: string;
export declare const SECURITY_HEADERS: Readonly<Record<string, string>>;
export declare const HSTS_VALUE: string;
