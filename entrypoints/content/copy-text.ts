/**
 * Copies text to the clipboard from a content script. The async Clipboard API
 * needs a focused, secure page; when it refuses, fall back to a selected
 * textarea inside the sidebar's shadow root, never in the page's own DOM.
 */
export async function copyText(text: string, container: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = container.ownerDocument.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    container.append(area);
    area.select();
    try {
      return container.ownerDocument.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
