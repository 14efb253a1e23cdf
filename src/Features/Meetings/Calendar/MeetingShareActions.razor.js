// Copies text to the clipboard; false when the browser refuses (no permission, or not a secure context).
export async function copy(text) {
    if (typeof text !== 'string' || text.length > 2048) {
        return false;
    }
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
}
