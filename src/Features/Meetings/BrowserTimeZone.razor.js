// The viewer's IANA time zone, e.g. "America/New_York"; null when the browser does not say.
export function timeZone() {
    try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
    } catch {
        return null;
    }
}
