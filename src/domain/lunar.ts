/**
 * The Vietnamese lunar calendar, computed astronomically for UTC+7. A table made for China
 * (UTC+8) puts some new moons on the wrong day for Vietnam: Tết 2007 fell on 17/2 here and on
 * 18/2 there. New moons and the sun's longitude follow the low-precision series of Meeus'
 * "Astronomical Algorithms", accurate to minutes over 1900–2199.
 */
import type { IsoDate } from './dates.js';

const TIME_ZONE = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01, the origin of the lunation count. */
const LUNATION_ORIGIN = 2415021.076998695;
const RAD = Math.PI / 180;

export function julianDay(date: IsoDate): number {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round(ms / 86_400_000) + 2440588;
}

export function dateOfJulianDay(jd: number): IsoDate {
  return new Date((jd - 2440588) * 86_400_000).toISOString().slice(0, 10);
}

/** The instant (Julian day, terrestrial time) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const latitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  const s = (x: number) => Math.sin(x * RAD);
  let c = (0.1734 - 0.000393 * t) * s(sunAnomaly) + 0.0021 * s(2 * sunAnomaly);
  c += -0.4068 * s(moonAnomaly) + 0.0161 * s(2 * moonAnomaly) - 0.0004 * s(3 * moonAnomaly);
  c += 0.0104 * s(2 * latitude) - 0.0051 * s(sunAnomaly + moonAnomaly) - 0.0074 * s(sunAnomaly - moonAnomaly);
  c += 0.0004 * s(2 * latitude + sunAnomaly) - 0.0004 * s(2 * latitude - sunAnomaly) - 0.0006 * s(2 * latitude + moonAnomaly);
  c += 0.001 * s(2 * latitude - moonAnomaly) + 0.0005 * s(2 * moonAnomaly + sunAnomaly);
  const deltaT = t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + c - deltaT;
}

/** The local day (Julian day number) of the k-th new moon. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

/** Which twelfth of the ecliptic (0–11, 30° each) the sun is in at the start of a local day. */
function sunSegment(day: number): number {
  const t = (day - 0.5 - TIME_ZONE / 24 - 2451545.0) / 36525;
  const t2 = t * t;
  const anomaly = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const mean = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let equation = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(RAD * anomaly);
  equation += (0.019993 - 0.000101 * t) * Math.sin(2 * RAD * anomaly) + 0.00029 * Math.sin(3 * RAD * anomaly);
  let longitude = (mean + equation) * RAD;
  longitude -= 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
  return Math.floor((longitude / Math.PI) * 6);
}

/** The first day of the lunar month that holds the winter solstice of a Gregorian year. */
function month11(year: number): number {
  const k = Math.floor((julianDay(`${year}-12-31`) - 2415021) / SYNODIC_MONTH);
  const day = newMoonDay(k);
  return sunSegment(day) >= 9 ? newMoonDay(k - 1) : day;
}

/** In a 13-month year, how many months after month 11 the leap month comes. */
function leapOffset(start11: number): number {
  const k = Math.floor((start11 - LUNATION_ORIGIN) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let segment = sunSegment(newMoonDay(k + i));
  let last: number;
  do {
    last = segment;
    i += 1;
    segment = sunSegment(newMoonDay(k + i));
  } while (segment !== last && i < 14);
  return i - 1;
}

/** The solar date of a (non-leap) lunar day and month in a lunar year. */
export function solarOfLunar(day: number, month: number, year: number): IsoDate {
  const [a11, b11] = month < 11 ? [month11(year - 1), month11(year)] : [month11(year), month11(year + 1)];
  const k = Math.floor(0.5 + (a11 - LUNATION_ORIGIN) / SYNODIC_MONTH);
  let offset = (month - 11 + 12) % 12;
  // A leap month before this one pushes it one lunation later.
  if (b11 - a11 > 365 && offset >= leapOffset(a11)) offset += 1;
  return dateOfJulianDay(newMoonDay(k + offset) + day - 1);
}

/** Tết Nguyên đán: the first day of the first lunar month of the year. */
export function lunarNewYear(year: number): IsoDate {
  return solarOfLunar(1, 1, year);
}
