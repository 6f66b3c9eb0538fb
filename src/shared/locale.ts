/** The operating system's locale as the extension host sees it (the environment first, then ICU's default), lower case. */
export function osLocale(env: Record<string, string | undefined>): string {
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || '';
  return (fromEnv || Intl.DateTimeFormat().resolvedOptions().locale || '').toLowerCase();
}

/**
 * The one-time Chinese-first offer: only while `aiNotes.displayLanguage` is `auto`, VS Code is not in Chinese (then
 * `auto` is Chinese already) and the system is, and only once.
 */
export function shouldOfferChineseFirst(o: { offered: boolean; displayLanguage: 'auto' | 'zh' | 'en'; vscodeLanguage: string; osLocale: string }): boolean {
  return !o.offered && o.displayLanguage === 'auto' && !o.vscodeLanguage.toLowerCase().startsWith('zh') && o.osLocale.toLowerCase().startsWith('zh');
}
