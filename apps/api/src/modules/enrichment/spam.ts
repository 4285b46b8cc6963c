import type { NormalisedText } from './text-normalise.js';

export interface SpamVerdict {
  isSpam: boolean;
  /** Short, human-readable: shown in the Spam view next to the restore button. */
  reason: string | null;
}

// Off-topic commerce that floods brand mentions. Gambling, loan and adult offers are never on topic (3 points);
// counterfeit words can come from a customer asking "is this a replica?" (2).
const SPAM_TERMS: [RegExp, string, number][] = [
  [
    /\b(?:ugg|uggs|replica|replicas|knockoff|counterfeit|louboutin|michael kors|ray-?bans?|oakleys?)\b/u,
    'counterfeit goods',
    2,
  ],
  [
    /\bcheap\s+(?:boots|jerseys?|nfl|nike|jordans?|shoes|handbags?|bags|watches|sunglasses|viagra|cialis|pills)\b/u,
    'counterfeit goods',
    2,
  ],
  [/\b(?:boots|nike|jordan|handbags?|watches)\s+(?:outlet|sale|cheap|clearance|wholesale)\b/u, 'counterfeit goods', 2],
  [/\boutlet\s+(?:store|online|sale)\b/u, 'counterfeit goods', 2],
  [
    /\b(?:casino|casinos|slot\s*gacor|slot\s*online|judi\s*(?:online|bola)?|togel|poker\s*online|sbobet|maxwin|jackpot|gacor|zeus|scatter|bandar|taruhan|betting|sportsbook|deposit\s+pulsa|rtp\s+live|situs\s+(?:slot|judi))\b/u,
    'gambling',
    3,
  ],
  [
    /\b(?:pinjol|pinjaman\s+online|pinjaman\s+dana|dana\s+cepat|cair\s+cepat|tanpa\s+jaminan|bi\s*checking|kta\s+cepat|payday\s+loans?|instant\s+loans?|loan\s+approved)\b/u,
    'loans',
    3,
  ],
  [
    /\b(?:airdrop|giveaway\s+(?:btc|eth|crypto|usdt)|(?:btc|eth|crypto|usdt|bitcoin)\s+giveaway|double\s+your\s+(?:btc|bitcoin|crypto|money)|send\s+\d+\s*(?:btc|eth)|free\s+(?:bitcoin|btc|crypto|nft)|binary\s+options?|forex\s+signals?|profit\s+harian|passive\s+income|investasi\s+(?:bodong|untung|profit)|earn\s+\$?\d+\s*(?:a|per)\s*(?:day|hour|week))\b/u,
    'crypto or money bait',
    3,
  ],
  [
    /\b(?:essay\s+writing|work(?:ing)?\s+from\s+home|kerja\s+dari\s+rumah|kerja\s+online|bisnis\s+online|earn\s+\$\s?\d+|\$\d+\s*(?:\/|per|a)\s*(?:day|hour|week)|gaji\s+\d+\s*(?:jt|juta|rb|ribu)|penghasilan\s+tambahan|cuan\s+dari\s+rumah)\b/u,
    'money-making bait',
    2,
  ],
  [
    /\b(?:grosir\s+ecer|cek\s+katalog|harga\s+grosir|reseller\s+welcome|dropship(?:per)?\s+welcome)\b/u,
    'wholesale selling',
    1.5,
  ],
  [/\b(?:viagra|cialis|diet\s+pills|weight\s+loss\s+pills|obat\s+kuat|pelangsing|peninggi\s+badan)\b/u, 'pills', 2],
  [/\b(?:bokep|open\s+bo|vcs|escort|onlyfans|xxx|porn|sange|nude\s+pics)\b/u, 'adult content', 3],
  [
    /\b(?:buy|jual|beli|get|gain)\s+(?:[\d.,]+k?\s+)?(?:real\s+|active\s+)?(?:followers|likes|subscribers|pengikut)\b|\b(?:followers|pengikut)\s+(?:murah|cheap|fast|aktif)\b/u,
    'fake followers',
    3,
  ],
];

// One pass over the text for all the lists: each list is one capturing group.
const SPAM_SCAN = new RegExp(SPAM_TERMS.map(([re]) => `(${re.source})`).join('|'), 'gu');

const COMMERCE_WORDS = new Set(
  `cheap buy sale sales discount discounts offer deal deals free order shop store outlet price prices wholesale
  promo diskon murah jual beli harga order grosir gratis bonus cashback voucher untung profit money cash earn
  income dollars usd rp ribu juta`.split(/\s+/),
);

const CONTACT_RE =
  /\b(?:wa\.me|whatsapp|watsap|wasap|telegram|t\.me|line\s*id|wechat|hubungi\s+(?:kami|wa|nomor)|contact\s+(?:me|us)\s+(?:on|via|at)|dm\s+me\s+(?:on|for)|inbox\s+me|text\s+me\s+on)\b|(?:\+?62|\b0)8\d{2}[\s.-]?\d{3,4}[\s.-]?\d{3,5}\b|\+\d{1,3}[\s.-]?\d{3}[\s.-]?\d{3}[\s.-]?\d{3,4}\b/u;

const SHADY_TLD = /\.(?:xyz|top|vip|bet|club|click|icu|buzz|rest|cfd|sbs|monster|casino|win|loan)(?:\/|$)/u;

/**
 * Flags link-heavy, off-topic commercial posts. Points add up; 3 or more is spam. One ordinary link
 * in an ordinary post scores nothing; three links score 3 on their own (a care inbox has no link lists).
 */
export function detectSpam(text: NormalisedText): SpamVerdict {
  const reasons: string[] = [];
  let points = 0;
  const lower = text.lower;

  SPAM_SCAN.lastIndex = 0;
  for (let m = SPAM_SCAN.exec(lower); m !== null; m = SPAM_SCAN.exec(lower)) {
    const at = m.findIndex((group, i) => i > 0 && group !== undefined);
    const term = SPAM_TERMS[at - 1];
    if (term !== undefined && !reasons.includes(term[1])) {
      reasons.push(term[1]);
      points += term[2];
    }
  }

  let commerce = 0;
  for (const t of text.tokens) if (COMMERCE_WORDS.has(t)) commerce += 1;
  if (/[$€£¥]\s?\d|\d\s?%|\brp\.?\s?\d/u.test(lower)) commerce += 1;

  const links = text.urls.length;
  const distinct = new Set(text.urls.map((u) => u.toLowerCase())).size;
  if (links >= 3) {
    points += 3;
    reasons.push(`${links} links`);
  } else if (links > 0 && (commerce >= 2 || points > 0)) {
    points += links >= 2 ? 2 : 1;
    reasons.push(links >= 2 ? 'selling links' : 'selling link');
  }
  if (distinct < links) {
    points += 1.5;
    reasons.push('repeated link');
  }
  if (text.urls.some((u) => SHADY_TLD.test(u.toLowerCase()))) {
    points += 1;
    reasons.push('suspicious domain');
  }
  if (CONTACT_RE.test(lower) && (commerce > 0 || points > 0)) {
    points += 1.5;
    reasons.push('contact-me selling');
  }
  if (text.capsRatio > 0.7 && text.wordCount >= 4 && commerce > 0) {
    points += 1.5;
    reasons.push('all-caps selling');
  }
  if (commerce >= 4) {
    points += 1;
    reasons.push('sales pitch');
  }
  // Many words that all repeat the same few: keyword stuffing.
  if (text.wordCount >= 12) {
    const distinctWords = new Set(text.tokens).size;
    if (distinctWords / text.tokens.length < 0.35) {
      points += 1.5;
      reasons.push('repeated words');
    }
  }
  if (points < 3) return { isSpam: false, reason: null };
  return { isSpam: true, reason: reasons.slice(0, 3).join(', ') };
}
