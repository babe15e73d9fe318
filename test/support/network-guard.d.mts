export function isLoopbackHost(host: string | undefined | null): boolean;
export const rejectedConnections: string[];
