/** Sweden's civil time: the product's dates, weeks and "today" are Swedish local time. */
export const TIME_ZONE = 'Europe/Stockholm';

const DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE });
const DATE_TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'short' });

/** A moment's date in Sweden, YYYY-MM-DD. */
export const swedishDate = (moment: Date | string | number): string => DATE.format(new Date(moment));
/** Today's date in Sweden, YYYY-MM-DD. */
export const todayInSweden = (): string => swedishDate(Date.now());
/** A moment as Swedish local date and time, "YYYY-MM-DD HH:MM". */
export const swedishDateTime = (moment: Date | string | number): string => DATE_TIME.format(new Date(moment));
