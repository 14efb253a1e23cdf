// Starts loading the Meeting SDK (the loader at loaderUrl, with the server's SDK config) before the user clicks Join.
// Never throws: preloading is only a head start, and the join reports load failures itself.
export async function preload(loaderUrl, config) {
  try {
    const loader = await import(loaderUrl);
    loader.preload?.(config);
  } catch {
    // The join page loads again and reports what failed.
  }
}
