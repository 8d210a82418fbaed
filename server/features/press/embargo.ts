/** "3 décembre 2026 à 10 h 00 (heure de Paris)": an instant as the French press reads an embargo. */
export function formatEmbargoTime(iso: string, timeZone = 'Europe/Paris'): string {
  const zone = isZone(timeZone) ? timeZone : 'Europe/Paris';
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone: zone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const place = zone === 'Europe/Paris' ? 'heure de Paris' : zone;
  return `${part('day')} ${part('month')} ${part('year')} à ${part('hour')} h ${part('minute')} (${place})`;
}

/** "EMBARGO jusqu’au 3 décembre 2026 à 10 h 00 (heure de Paris)". */
export const embargoNotice = (iso: string, timeZone?: string | null) =>
  `EMBARGO jusqu’au ${formatEmbargoTime(iso, timeZone ?? undefined)}`;

function isZone(zone: string) {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
