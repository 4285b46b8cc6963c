import type { CreateBrandRequest, MentionType } from '@dengar/contracts';
import { ConnectorError, type Connector, type PullContext, type PulledMention, type PullResult } from './connector.js';

/**
 * A live stream for demos and trials (SPEC §4): English and Indonesian posts about a fictional coffee chain
 * ("Kopi Senja") and its competitor ("Brew & Co"), at `ratePerMinute`. Everything is generated from a seeded
 * PRNG whose state lives in the cursor, so a page is a pure function of (cursor, now, config) and a crash
 * between pull and commit regenerates the very same mentions.
 */

export const DEMO_BRANDS = {
  own: {
    name: 'Kopi Senja',
    kind: 'own',
    keywords: ['kopi senja'],
    handles: ['kopisenja'],
    hashtags: ['kopisenja'],
    excludedKeywords: [],
  },
  competitor: {
    name: 'Brew & Co',
    kind: 'competitor',
    keywords: ['brew & co', 'brewco'],
    handles: ['brewco'],
    hashtags: ['brewco'],
    excludedKeywords: [],
  },
} as const satisfies Record<'own' | 'competitor', CreateBrandRequest>;

/** The own brand's promotion (dates are the seed's to choose). */
export const DEMO_CAMPAIGN = { name: 'SenjaFest', hashtags: ['SenjaFest'], keywords: ['senja fest'] } as const;

export const DEMO_BASE_URL = 'https://demo.dengar.local';
/** A regular pull never generates more than this; a long pause is skipped rather than replayed. */
export const DEMO_MAX_PER_PULL = 50;
const RECENT_MAX = 40;
const REPLY_SHARE = 0.3;

type Lang = 'en' | 'id';
type BrandSide = 'own' | 'competitor';

/** What the generator meant to write; kept in `raw` so tests and demos can compare with enrichment. */
export type DemoScenario =
  | 'question'
  | 'complaint'
  | 'praise'
  | 'purchase_intent'
  | 'promo'
  | 'spam'
  | 'other'
  | 'competitor_complaint'
  | 'competitor_praise'
  | 'competitor_comparison'
  | 'competitor_question';

export interface DemoRaw {
  generator: 'dengar-demo';
  /** What the post is about; for a reply, what the thread it answers is about. */
  scenario: DemoScenario;
  /** The mention type enrichment should find (spam is a flag, so spam says `other`). */
  intendedType: MentionType;
  spam: boolean;
  brand: BrandSide;
  lang: Lang;
  reply: null | 'follow_up' | 'other_author';
}

interface RecentPost {
  id: string;
  thread: string;
  author: number;
  lang: Lang;
  brand: BrandSide;
  scenario: DemoScenario;
}

export interface DemoCursor {
  v: 1;
  /** Part of every id, so two demo sources never produce the same external ids. */
  stream: string;
  seq: number;
  /** mulberry32 state. */
  rng: number;
  /** Mentions have been generated up to this time. */
  at: string;
  /** Backfill items still to generate (first pull, in pages of DEMO_MAX_PER_PULL). */
  backlog: number;
  recent: RecentPost[];
}

// ---------------------------------------------------------------------------------------------------------------
// PRNG

class Rng {
  constructor(public state: number) {}
  /** mulberry32: tiny, fast, and good enough to look random in a demo. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
    const entries = Object.entries(weights) as [T, number][];
    let r = this.next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// People

type AuthorRole = 'regular' | 'influencer' | 'deals' | 'spammer';

interface DemoAuthor {
  handle: string;
  name: string;
  lang: Lang;
  followers: number;
  role: AuthorRole;
}

const a = (handle: string, name: string, lang: Lang, followers: number, role: AuthorRole = 'regular'): DemoAuthor => ({
  handle,
  name,
  lang,
  followers,
  role,
});

/** Stable across mentions: the same people come back, as they do on a real brand's channels. */
export const DEMO_AUTHORS: readonly DemoAuthor[] = [
  a('rina.kusuma', 'Rina Kusuma', 'id', 812),
  a('budisantoso_', 'Budi Santoso', 'id', 143),
  a('dimaspratama', 'Dimas Pratama', 'id', 2310),
  a('ayulestari22', 'Ayu Lestari', 'id', 96),
  a('fajar.nugroho', 'Fajar Nugroho', 'id', 455),
  a('sarimaharani', 'Sari Maharani', 'id', 1290),
  a('anggit_w', 'Anggit W.', 'id', 37),
  a('putri.ayu', 'Putri Ayu', 'id', 3870),
  a('rezaaditya', 'Reza Aditya', 'id', 264),
  a('nadiasafitri', 'Nadia Safitri', 'id', 1522),
  a('yoga.permana', 'Yoga Permana', 'id', 78),
  a('indahpermata', 'Indah Permata', 'id', 640),
  a('bagus_s', 'Bagus S.', 'id', 19),
  a('wulan.dari', 'Wulandari', 'id', 905),
  a('hendrawijaya', 'Hendra Wijaya', 'id', 4410),
  a('tiara.ramadhani', 'Tiara Ramadhani', 'id', 333),
  a('arief_hakim', 'Arief Hakim', 'id', 121),
  a('melati.sukma', 'Melati Sukma', 'id', 2045),
  a('kevin.tan88', 'Kevin Tan', 'id', 587),
  a('citra_amelia', 'Citra Amelia', 'id', 1178),
  a('kulinerjakarta', 'Kuliner Jakarta', 'id', 428_000, 'influencer'),
  a('ngopibarengdinda', 'Dinda | Ngopi Bareng', 'id', 186_500, 'influencer'),
  a('jajananbandung', 'Jajanan Bandung', 'id', 96_200, 'influencer'),
  a('infopromo.jkt', 'Info Promo Jakarta', 'id', 38_900, 'deals'),
  a('followers_murah88', 'Followers Murah', 'id', 12, 'spammer'),
  a('kerjadirumah_cuan', 'Kerja Dari Rumah', 'id', 4, 'spammer'),
  a('jess_martin', 'Jess Martin', 'en', 1340),
  a('coffeewithmark', 'Mark | coffee nerd', 'en', 2875),
  a('liam.okafor', 'Liam Okafor', 'en', 412),
  a('priya_nair', 'Priya Nair', 'en', 967),
  a('sam_whitfield', 'Sam Whitfield', 'en', 58),
  a('hannah.lee', 'Hannah Lee', 'en', 730),
  a('tom_baker_', 'Tom Baker', 'en', 204),
  a('emilyrose', 'Emily Rose', 'en', 3120),
  a('danielkim', 'Daniel Kim', 'en', 151),
  a('expat_in_jkt', 'An Expat in Jakarta', 'en', 4980),
  a('sophie.dubois', 'Sophie Dubois', 'en', 289),
  a('ravi.codes', 'Ravi', 'en', 1603),
  a('thecaffeinechronicle', 'The Caffeine Chronicle', 'en', 312_000, 'influencer'),
  a('balifooddiary', 'Bali Food Diary', 'en', 72_400, 'influencer'),
  a('dealhunter.asia', 'Deal Hunter Asia', 'en', 51_300, 'deals'),
  a('cheapboots_outlet', 'Cheap Boots Outlet', 'en', 3, 'spammer'),
  a('work4home_pro', 'Work4Home', 'en', 0, 'spammer'),
];

const authorsBy = (lang: Lang, roles: readonly AuthorRole[]) =>
  DEMO_AUTHORS.map((au, index) => ({ au, index })).filter(({ au }) => au.lang === lang && roles.includes(au.role));

// ---------------------------------------------------------------------------------------------------------------
// Words

const OWN_REFS = ['Kopi Senja', 'Kopi Senja', 'kopi senja', '@kopisenja', 'Kopi Senja'];
const COMP_REFS = ['Brew & Co', 'Brew & Co', 'brewco', '@brewco', 'Brew & Co'];
const PRODUCTS: Record<Lang, readonly string[]> = {
  en: [
    'iced palm sugar latte',
    'cold brew',
    'caramel macchiato',
    'matcha latte',
    'americano',
    'V60 pour-over',
    'affogato',
    'butter croissant',
    'banana bread',
    'hazelnut latte',
  ],
  id: [
    'es kopi susu gula aren',
    'kopi susu',
    'cold brew',
    'matcha latte',
    'americano',
    'V60',
    'es kopi pandan',
    'croissant',
    'roti bakar',
    'kopi tubruk',
  ],
};
const GAK = ['gak', 'gak', 'nggak', 'ga', 'enggak'];
const OUTLETS = [
  'Kemang',
  'Dago',
  'Sudirman',
  'Tebet',
  'Malioboro',
  'Canggu',
  'BSD',
  'Tunjungan Plaza',
  'Senopati',
  'Blok M',
];
const SPAM_LINKS: Record<Lang, readonly string[]> = {
  en: [
    'http://cheap-boots-outlet.example/sale',
    'http://best-boots-deals.example/ugg',
    'http://replica-watch-store.example',
    'https://fast-followers.example/buy',
  ],
  id: [
    'https://followers-murah.example/order',
    'https://cuan-dari-rumah.example/daftar',
    'http://pinjol-cepat.example/apply',
    'http://grosir-sepatu.example/katalog',
  ],
};

/** Templates per scenario and language; `{slots}` are filled by `fill`. Written for this project. */
const POSTS: Record<DemoScenario, Record<Lang, readonly string[]>> = {
  question: {
    en: [
      'Hey {at}, what time does the {outlet} outlet open on Sundays?',
      'Does {brand} have oat milk now? Asking for a lactose intolerant friend',
      'Is the {product} at {brand} very sweet? Thinking of trying it tomorrow',
      '{at} do you deliver to {outlet}? The app says I am out of range',
      "How do I use my {brand} points in the app? Can't find the redeem button anywhere",
      'Anyone know if {brand} {outlet} has wifi and power outlets? Need a place to work',
      'Is the {camp} promo from {brand} still running this weekend? {hashtag}',
      '{at} can I change the pickup outlet after ordering?',
      'Do you have decaf at {brand}? Love the place but caffeine keeps me up',
      'What beans does {brand} use for the {product}? Tastes different from last month',
      'Can I book the upstairs room at {brand} {outlet} for a small meeting?',
      '{at} is the {product} available in 1 liter bottles?',
    ],
    id: [
      '{at} min, outlet {outlet} buka jam berapa ya hari Minggu?',
      '{brand} udah ada oat milk belum sih? temenku gak bisa minum susu sapi',
      'Ada yang tau {product} di {brand} manis banget gak? mau coba besok',
      'min {at}, bisa delivery ke daerah {outlet} gak? di aplikasi katanya di luar jangkauan',
      'Cara tuker poin {brand} gimana ya? tombol redeem nya gak ketemu',
      '{brand} {outlet} ada colokan sama wifi nggak? butuh tempat buat nugas',
      'Promo {camp} {brand} masih berlaku gak weekend ini? {hashtag}',
      '{at} kalau udah order bisa ganti outlet pickup nggak min?',
      'Kak {at}, {product} nya ada yang less sugar gak?',
      'Min {at}, voucher {camp} bisa dipake buat delivery juga gak?',
      '{brand} {outlet} bisa reservasi buat 10 orang gak ya?',
      'Beli {product} literan di {brand} bisa gak sih?',
    ],
  },
  complaint: {
    en: [
      "{at} my order {order} is {mins} minutes late and the driver isn't answering. Not great.",
      'Ordered a {product} from {brand} and got a hot americano instead. Wrong order again.',
      'The {brand} app crashes every time I try to pay. Third time this week {hashtag}',
      "Still waiting for my refund from {brand} for order {order}. It's been {days} days.",
      '{at} charged twice for one {product}?? Please fix this and refund me',
      'Waited {mins} min at {brand} {outlet} for one coffee. Staff seemed lost. Disappointed.',
      'My {product} from {brand} arrived spilled all over the bag. Who packs these?',
      '{at} your app logged me out and now my points are gone. Really frustrating',
      'The {product} at {brand} {outlet} tasted burnt today. Not what I paid for.',
      "{brand} delivery says 'delivered' but nothing arrived. Order {order}. Help?",
      "App keeps showing 'payment failed' but the money left my account. {at} please check",
      'Cold croissant, lukewarm latte and a {mins} minute wait. {brand} what happened?',
      "Promo code {camp} doesn't work at checkout on the {brand} app. Tried 5 times.",
      '{at} the {outlet} outlet was closed during opening hours and nobody updated the app',
    ],
    id: [
      '{at} min pesanan {order} udah telat {mins} menit, drivernya gak bisa dihubungi. kecewa banget',
      'Pesen {product} di {brand} yang dateng malah americano panas. salah order lagi 😤',
      'Aplikasi {brand} force close terus tiap mau bayar. lemot banget parah',
      'Refund pesanan {order} dari {brand} belum masuk juga, udah {days} hari nih min',
      '{at} kok saldo kepotong dua kali buat satu {product}?? tolong dong dibalikin',
      'Antri {mins} menit di {brand} {outlet} cuma buat satu kopi. pelayanannya lemot',
      '{product} dari {brand} nyampe udah tumpah semua di plastiknya. kecewa',
      'Min {at}, poin aku ilang semua abis aplikasinya update. gimana nih',
      '{product} di {brand} {outlet} hari ini rasanya gosong, gak kayak biasanya',
      "Status udah 'terkirim' tapi pesanan gak nyampe. {order} {at} tolong dicek",
      'Kode promo {camp} gak bisa dipake di app {brand}, udah nyoba berkali-kali. gak jelas',
      'Udah bayar tapi di app tulisannya gagal, duit udah kepotong. {at} gimana ini?',
      '{brand} {outlet} tutup padahal di app masih buka. nyebelin banget udah jauh-jauh dateng',
      'Es nya kebanyakan, kopinya encer. {product} {brand} makin gak konsisten',
    ],
  },
  praise: {
    en: [
      "The {product} at {brand} {outlet} is honestly the best I've had this year ☕ {hashtag}",
      'Shoutout to the barista at {brand} {outlet} who remembered my order. Small things!',
      '{brand} delivery arrived in 15 minutes and still hot. Impressed.',
      'The new {product} from {brand} is so good, already my second one today {hashtag}',
      'Love the vibe at {brand} {outlet}, perfect for a slow Sunday',
      '{at} thank you for sorting out my refund so quickly. Great service!',
      'Went to {camp} by {brand} yesterday, great music and even better coffee',
      "If you haven't tried the {product} at {brand} yet, what are you doing",
      'The {brand} app update is smooth now, ordering takes 10 seconds 👌',
      'Best coffee in {outlet}, hands down. {brand} never misses',
      'Grabbed a {product} at {brand} before my flight. Exactly what I needed',
      'The {product} is back! {brand} you made my week {hashtag}',
    ],
    id: [
      '{product} di {brand} {outlet} mantap banget sumpah ☕ {hashtag}',
      'Baristanya {brand} {outlet} ramah banget, masih inget pesenan aku',
      'Delivery {brand} cepet bgt, 15 menit nyampe masih anget. mantap',
      '{product} baru dari {brand} enak parah, udah gelas kedua hari ini {hashtag}',
      'Suasana {brand} {outlet} enak buat nugas, betah lama-lama',
      'Makasih {at} refund nya cepet diproses. pelayanan top 👍',
      'Kemarin dateng ke {camp} nya {brand}, seru banget! kopinya juga juara',
      'Yang belum nyobain {product} {brand} rugi sih',
      'App {brand} sekarang udah gak lemot, pesen cuma 10 detik 👌',
      'Kopi paling enak di {outlet} ya {brand}, gak pernah gagal',
      '{product} {brand} emang gak ada obat, mantul',
      'Akhirnya {product} balik lagi! {brand} the best {hashtag}',
    ],
  },
  purchase_intent: {
    en: [
      'Where can I buy {brand} beans? Want to brew at home',
      'Where can I buy a {brand} gift box near {outlet}?',
      'Where can I buy the {product} bottles from {brand}? Supermarkets or only the outlets?',
      'Thinking of getting the {brand} subscription, is it worth it?',
      'Does {brand} sell gift cards? Need a birthday present for my sister',
      'Want to order 30 cups of {product} from {brand} for our office. Who do I contact?',
      'Is there a {brand} near {outlet}? Craving a {product} right now',
      "{at} do you sell your cold brew concentrate online? I'd buy a few bottles",
      'Planning to try {brand} this weekend. What should I order first?',
      'How much is the {product} at {brand}? Want to buy one for the whole team',
      'Looking for coffee catering for a wedding, does {brand} do that?',
      'Ready to buy the {brand} tumbler, which outlet still has stock?',
    ],
    id: [
      'Mau beli biji kopi {brand} buat di rumah, belinya di mana ya?',
      'Pengen langganan {brand} tapi worth it gak sih?',
      '{brand} jual gift card gak? buat kado ultah adekku',
      'Mau pesen 30 cup {product} dari {brand} buat acara kantor, hubungi siapa ya?',
      'Ada {brand} deket {outlet} gak? lagi pengen {product} banget',
      '{at} cold brew literan bisa dibeli online gak min? mau borong',
      'Weekend ini mau nyobain {brand}, enaknya pesen apa ya?',
      'Harga {product} di {brand} berapaan sih? mau beliin buat tim',
      'Cari catering kopi buat nikahan, {brand} bisa gak ya?',
      'Mau beli tumbler {brand} dong, outlet mana yang masih ada stok?',
    ],
  },
  promo: {
    en: [
      '{camp} is on! Buy 1 get 1 {product} at every {brand} outlet until Sunday',
      'Giveaway time 🎉 Tag 3 friends and follow {at} to win a month of free {product} {camp}',
      'Use code SENJA20 for 20% off your first {brand} app order {hashtag}',
      'Happy hour at {brand} {outlet}: 2-5pm, every {product} half price',
      '{brand} x {camp}: live music at {outlet} this Saturday, free entry with any drink',
      'Collab alert: a limited {product} with local artists at {brand}. Link in bio {hashtag}',
    ],
    id: [
      'Promo {camp}! Beli 1 gratis 1 {product} di semua outlet {brand} sampai Minggu',
      'GIVEAWAY 🎉 tag 3 temen + follow {at}, menangin {product} gratis sebulan {camp}',
      'Pake kode SENJA20 diskon 20% buat order pertama di app {brand} {hashtag}',
      'Happy hour {brand} {outlet} jam 14-17, semua {product} setengah harga!',
      '{camp} di {brand} {outlet} Sabtu ini, ada live music, gratis masuk',
      'Cashback 30% bayar pake e-wallet di {brand}, cuma minggu ini {hashtag}',
    ],
  },
  spam: {
    en: [
      'Great post! Check my site for cheap boots and designer bags {link} {link2}',
      'Nice coffee 😍 Get 10,000 followers FAST and CHEAP {link} best price guaranteed',
      'cheap boots cheap boots outlet sale 80% off {link} {link2} {link3}',
      'Thanks for sharing about {brand}! I earn $500/day from home, see how: {link}',
      'Replica watches, cheap sunglasses, UGG boots clearance {link} {link2}',
      'Loved this. Cheap essay writing service, 24/7: {link}',
      'Nice blog!! cheap boots online shop, free shipping worldwide {link} {link2}',
      'Cheap boots!!! Best quality boots, cheap price, buy now {link} {link2}',
    ],
    id: [
      'Jual followers murah, aktif & permanen! Order sekarang {link}',
      'Pinjaman online cepat cair tanpa jaminan, klik {link} {link2}',
      'Obat pelangsing alami turun 10kg seminggu {link} WA 0812-0000-0000',
      'Sepatu boots murah grosir ecer, cek katalog {link} {link2}',
      'Kerja dari rumah gaji 5jt/minggu, daftar gratis {link}',
    ],
  },
  other: {
    en: [
      'Working from {brand} {outlet} today. Same table as always.',
      'Spotted a long queue at {brand} {outlet} this morning',
      'Me and my {product} from {brand}, Monday mood',
      'The {brand} playlist today is all 90s',
      'Meeting a friend at {brand} {outlet} later',
      'Reading on the terrace of {brand} {outlet}. Rain outside.',
    ],
    id: [
      'Ngopi dulu di {brand} {outlet} sebelum kerja',
      'Antrian {brand} {outlet} pagi ini panjang juga ya',
      'Aku dan {product} {brand}, senin vibes',
      'Lagi di {brand} {outlet}, hujan deres di luar',
      'Nanti sore ketemuan di {brand} {outlet} ya gaes',
      'Playlist {brand} hari ini lagu 90an semua wkwk',
    ],
  },
  competitor_complaint: {
    en: [
      '{comp} got my order wrong for the third time. Thinking of switching.',
      'Waited {mins} minutes for a latte at {comp} {outlet}. Never again.',
      '{comp} app crashed mid-payment and charged me anyway',
      'Is {comp} delivery always late for everyone? Looking for a better coffee place near {outlet}',
      '{comp} raised prices again and the coffee got worse. Any recommendations?',
      'Refund from {comp} still not processed after {days} days 🙄',
      'The {product} at {comp} was so watery today',
      '{comp} customer service never replies. Where else can I get good coffee delivered?',
    ],
    id: [
      '{comp} salah order mulu, udah 3x. pengen pindah aja',
      'Nunggu {mins} menit cuma buat latte di {comp} {outlet}. kapok',
      'App {comp} error pas bayar tapi saldo kepotong, kesel',
      'Delivery {comp} telat terus, ada rekomendasi kopi lain deket {outlet}?',
      '{comp} naikin harga lagi tapi rasanya makin gak enak. kecewa',
      'Refund {comp} belum cair udah {days} hari',
      '{product} di {comp} encer banget hari ini',
      'CS {comp} gak pernah bales. ada saran kopi lain yang bisa delivery?',
    ],
  },
  competitor_praise: {
    en: [
      'The new seasonal menu at {comp} is actually good',
      'Tried {comp} {outlet} today, nice place',
      '{comp} delivery was quick this time, kudos',
      'The pastries at {comp} are underrated',
    ],
    id: [
      'Menu baru {comp} enak juga ternyata',
      'Nyobain {comp} {outlet}, tempatnya nyaman',
      'Delivery {comp} kali ini cepet, mantap',
      'Pastry di {comp} underrated sih',
    ],
  },
  competitor_comparison: {
    en: [
      '{brand} vs {comp}: {brand} wins on the {product}, {comp} on the seating',
      'Switched from {comp} to {brand} last month, no regrets',
      'Honestly {comp} is cheaper but {brand} tastes better',
      'Which is better for working, {brand} or {comp}?',
    ],
    id: [
      '{brand} vs {comp}? menurutku {product} {brand} lebih enak',
      'Udah pindah dari {comp} ke {brand}, gak nyesel',
      '{comp} lebih murah sih tapi {brand} lebih enak',
      'Buat nugas enakan {brand} atau {comp} ya?',
    ],
  },
  competitor_question: {
    en: ['Does {comp} have oat milk?', 'What time does {comp} {outlet} close?', 'Is {comp} open on public holidays?'],
    id: ['{comp} ada oat milk gak?', '{comp} {outlet} tutup jam berapa ya?', '{comp} buka pas tanggal merah gak?'],
  },
};

const INTENDED: Record<DemoScenario, MentionType> = {
  question: 'question',
  complaint: 'complaint',
  praise: 'praise',
  purchase_intent: 'purchase_intent',
  promo: 'promo',
  spam: 'other',
  other: 'other',
  competitor_complaint: 'complaint',
  competitor_praise: 'praise',
  competitor_comparison: 'other',
  competitor_question: 'question',
};

type ReplyMood = 'complaint' | 'question' | 'purchase' | 'promo' | 'positive';
type Replier = 'same' | 'other';

const moodOf = (s: DemoScenario): ReplyMood => {
  switch (s) {
    case 'complaint':
    case 'competitor_complaint':
      return 'complaint';
    case 'question':
    case 'competitor_question':
      return 'question';
    case 'purchase_intent':
      return 'purchase';
    case 'promo':
      return 'promo';
    default:
      return 'positive';
  }
};

interface ReplyTemplates {
  /** What enrichment should call such a reply. */
  type: MentionType;
  texts: Record<Lang, readonly string[]>;
}

/** Replies in own-brand threads: by the same author (a follow-up) or by someone else, by the thread's mood. */
const REPLIES: Record<ReplyMood, Record<Replier, ReplyTemplates>> = {
  complaint: {
    same: {
      type: 'complaint',
      texts: {
        en: [
          "Still no reply {at}? It's been {hours} hours.",
          'Update: still waiting. Order {order}.',
          'Any update on this? {at}',
          'Can someone from {brand} please answer?',
        ],
        id: [
          'Min {at} kok belum dibales juga? udah {hours} jam',
          'Update: masih nunggu nih. {order}',
          'Halo min {at}? gimana kelanjutannya?',
          'Tolong dong {brand} dijawab, kecewa banget',
        ],
      },
    },
    other: {
      type: 'complaint',
      texts: {
        en: [
          'Same here, my order was late too yesterday',
          'Happened to me last week as well. {brand} please fix',
          'Ugh, same. The app has been unusable all week',
          "+1, I'm also waiting for a refund",
        ],
        id: [
          'Sama, aku juga kemarin telat banget',
          'Aku juga ngalamin minggu lalu. {brand} tolong dibenerin',
          'Iya app nya lemot parah seminggu ini',
          'Aku juga nunggu refund nih, gak jelas',
        ],
      },
    },
  },
  question: {
    same: {
      type: 'question',
      texts: {
        en: ['Anyone? Still need to know 🙏', 'Bumping this, {at} can you help?', 'Still hoping someone knows?'],
        id: ['Ada yang tau gak? 🙏', 'Up min {at}, bisa dibantu?', 'Masih belum ada yang jawab ya?'],
      },
    },
    other: {
      type: 'other',
      texts: {
        en: [
          'Pretty sure yes, I asked the barista last time',
          'Check the app, it is listed there',
          'I asked the same thing last week and they said yes',
          'Not sure, better DM {at}',
        ],
        id: [
          'Kayaknya bisa kak, aku pernah nanya baristanya',
          'Coba cek di app kak, ada infonya',
          'Minggu lalu aku nanya hal yang sama, katanya bisa',
          'Coba DM {at} aja kak',
        ],
      },
    },
  },
  purchase: {
    same: {
      type: 'purchase_intent',
      texts: {
        en: ['Still looking to buy this week, does anyone know?', 'Want to order today, who should I contact?'],
        id: ['Masih nyari nih, mau beli minggu ini. ada yang tau?', 'Mau order hari ini, hubungi siapa ya?'],
      },
    },
    other: {
      type: 'other',
      texts: {
        en: ['Check the app, they sell it there', 'DM {at}, they answer fast', 'I got mine at the {outlet} outlet'],
        id: ['Cek di app aja kak, ada kok', 'DM {at} aja, fast response', 'Aku beli di outlet {outlet} kemarin'],
      },
    },
  },
  promo: {
    same: {
      type: 'promo',
      texts: {
        en: ['Last day today! {camp}', 'Reminder: the promo ends tonight {hashtag}'],
        id: ['Hari terakhir ya gaes! {camp}', 'Promo berakhir malam ini, buruan {hashtag}'],
      },
    },
    other: {
      type: 'other',
      texts: {
        en: ['Done, tagged my friends 🙌', 'Going there after work'],
        id: ['Udah ikutan! 🙌', 'Nanti pulang kerja mampir ah'],
      },
    },
  },
  positive: {
    same: {
      type: 'praise',
      texts: {
        en: [
          'Update: tried the {product} too, also great',
          'Going back tomorrow for sure',
          'Still thinking about that {product}',
        ],
        id: [
          'Update: nyobain {product} juga, enak juga',
          'Besok balik lagi pasti',
          'Masih kebayang {product} nya, enak banget',
        ],
      },
    },
    other: {
      type: 'praise',
      texts: {
        en: ['Agreed, the {product} there is amazing', 'Totally, best baristas in town', 'Love that place too!'],
        id: ['Setuju, {product} nya juara', 'Bener banget, baristanya ramah2', 'Aku juga suka banget tempatnya!'],
      },
    },
  },
};

type CompetitorMood = 'complaint' | 'question' | 'positive';

/** In a competitor's thread every reply names a brand, so it is not mistaken for one about the own brand. */
const COMPETITOR_REPLIES: Record<CompetitorMood, Record<Replier, ReplyTemplates>> = {
  complaint: {
    same: {
      type: 'complaint',
      texts: {
        en: ["{comp} still hasn't answered me. Done with them.", 'Day {days} and still nothing from {comp}'],
        id: ['{comp} masih belum bales juga. udahan deh', 'Udah {days} hari gak ada kabar dari {comp}'],
      },
    },
    other: {
      type: 'complaint',
      texts: {
        en: [
          'Try {brand}, their delivery is way faster',
          'Same with {comp} here, so I switched to {brand}',
          '{comp} has been bad lately honestly',
        ],
        id: [
          'Coba {brand} deh, delivery nya lebih cepet',
          'Sama, {comp} emang lagi jelek. aku pindah ke {brand}',
          '{comp} akhir-akhir ini emang gak banget',
        ],
      },
    },
  },
  question: {
    same: {
      type: 'question',
      texts: {
        en: ['Anyone? {comp} is not answering', 'Still need to know before Sunday, anyone been to {comp} lately?'],
        id: ['Ada yang tau? {comp} gak bales', 'Ada yang baru ke {comp} gak? mau kesana Minggu'],
      },
    },
    other: {
      type: 'other',
      texts: {
        en: ['I think {comp} opens at 8', 'Not sure about {comp}, but {brand} does'],
        id: ['Setau aku {comp} buka jam 8', 'Kalau {comp} gak tau, tapi {brand} ada'],
      },
    },
  },
  positive: {
    same: {
      type: 'praise',
      texts: {
        en: ['Going back to {comp} next week'],
        id: ['Minggu depan balik lagi ke {comp}'],
      },
    },
    other: {
      type: 'praise',
      texts: {
        en: ['Agree, {comp} pastries are good', 'I still prefer {brand} honestly'],
        id: ['Setuju, pastry {comp} enak', 'Aku tetep lebih suka {brand} sih'],
      },
    },
  },
};

function replyTemplates(scenario: DemoScenario, brand: BrandSide, replier: Replier): ReplyTemplates {
  const mood = moodOf(scenario);
  if (brand === 'own') return REPLIES[mood][replier];
  return COMPETITOR_REPLIES[mood === 'complaint' || mood === 'question' ? mood : 'positive'][replier];
}

// ---------------------------------------------------------------------------------------------------------------
// Generation

function fill(template: string, rng: Rng, lang: Lang): string {
  const links = [...SPAM_LINKS[lang]];
  const slots: Record<string, () => string> = {
    brand: () => rng.pick(OWN_REFS),
    at: () => '@kopisenja',
    comp: () => rng.pick(COMP_REFS),
    product: () => rng.pick(PRODUCTS[lang]),
    outlet: () => rng.pick(OUTLETS),
    camp: () => '#SenjaFest',
    hashtag: () => (rng.chance(0.5) ? '#kopisenja' : ''),
    order: () => `#KS${rng.int(10_000, 99_999)}`,
    mins: () => String(rng.int(25, 95)),
    days: () => String(rng.int(3, 14)),
    hours: () => String(rng.int(2, 9)),
    link: () => links.splice(rng.int(0, links.length - 1), 1)[0] ?? '',
  };
  slots.link2 = slots.link!;
  slots.link3 = slots.link!;
  const text = template.replace(/\{(\w+)\}/g, (whole, name: string) => slots[name]?.() ?? whole);
  // People spell the negation every which way; enrichment has to cope with all of them.
  const spelled = lang === 'id' ? text.replace(/\bgak\b/g, () => rng.pick(GAK)) : text;
  return spelled.replace(/ {2,}/g, ' ').trim();
}

function pickAuthor(rng: Rng, lang: Lang, scenario: DemoScenario): number {
  let roles: AuthorRole[] = ['regular'];
  if (scenario === 'spam') roles = ['spammer'];
  else if (scenario === 'promo') roles = rng.chance(0.5) ? ['deals'] : ['influencer', 'deals'];
  else if (scenario !== 'purchase_intent' && rng.chance(0.08)) roles = ['influencer'];
  return rng.pick(authorsBy(lang, roles)).index;
}

function metricsFor(rng: Rng, author: DemoAuthor) {
  const big = author.role === 'influencer' || author.role === 'deals';
  return big
    ? { likes: rng.int(150, 6000), reposts: rng.int(10, 900), replies: rng.int(5, 240) }
    : { likes: rng.int(0, 30), reposts: rng.int(0, 4), replies: rng.int(0, 6) };
}

function pickPost(rng: Rng): { scenario: DemoScenario; brand: BrandSide } {
  if (rng.chance(0.22)) {
    const scenario = rng.weighted({
      competitor_complaint: 40,
      competitor_praise: 25,
      competitor_comparison: 20,
      competitor_question: 15,
    });
    return { scenario, brand: 'competitor' };
  }
  const scenario = rng.weighted({
    question: 18,
    complaint: 22,
    praise: 18,
    purchase_intent: 13,
    promo: 8,
    spam: 8,
    other: 6,
  });
  return { scenario, brand: 'own' };
}

interface Generated {
  mention: PulledMention;
  recent: RecentPost | null;
}

function generate(cursor: DemoCursor, rng: Rng, postedAt: Date): Generated {
  cursor.seq += 1;
  const id = `demo-${cursor.stream}-${cursor.seq}`;
  const parent = cursor.recent.length && rng.chance(REPLY_SHARE) ? pickRecent(rng, cursor.recent) : null;

  let scenario: DemoScenario;
  let brand: BrandSide;
  let lang: Lang;
  let authorIndex: number;
  let text: string;
  let intendedType: MentionType;
  let reply: DemoRaw['reply'] = null;
  if (parent) {
    scenario = parent.scenario;
    brand = parent.brand;
    lang = rng.chance(0.9) ? parent.lang : parent.lang === 'en' ? 'id' : 'en';
    const sameAuthor = rng.chance(0.4);
    reply = sameAuthor ? 'follow_up' : 'other_author';
    authorIndex = sameAuthor ? parent.author : pickOtherAuthor(rng, lang, parent.author);
    const templates = replyTemplates(scenario, brand, sameAuthor ? 'same' : 'other');
    intendedType = templates.type;
    text = fill(rng.pick(templates.texts[lang]), rng, lang);
  } else {
    ({ scenario, brand } = pickPost(rng));
    lang = rng.chance(0.55) ? 'id' : 'en';
    authorIndex = pickAuthor(rng, lang, scenario);
    intendedType = INTENDED[scenario];
    text = fill(rng.pick(POSTS[scenario][lang]), rng, lang);
  }
  const author = DEMO_AUTHORS[authorIndex]!;
  // Like real platforms, not every post declares its language: detection gets exercised too.
  const declared = rng.chance(0.7) ? lang : null;
  const raw: DemoRaw = {
    generator: 'dengar-demo',
    scenario,
    intendedType,
    spam: scenario === 'spam',
    brand,
    lang,
    reply,
  };
  const mention: PulledMention = {
    externalId: id,
    url: `${DEMO_BASE_URL}/posts/${id}`,
    text,
    html: null,
    postedAt,
    language: declared,
    inReplyToExternalId: parent?.id ?? null,
    threadExternalId: parent?.thread ?? null,
    author: {
      externalId: `demo-user-${author.handle}`,
      handle: author.handle,
      displayName: author.name,
      profileUrl: `${DEMO_BASE_URL}/@${author.handle}`,
      followers: author.followers,
      verified: author.role === 'influencer',
    },
    metrics: metricsFor(rng, author),
    raw,
  };
  // Nobody answers spam; everything else may grow a thread.
  const recent: RecentPost | null =
    scenario === 'spam' ? null : { id, thread: parent?.thread ?? id, author: authorIndex, lang, brand, scenario };
  return { mention, recent };
}

/** Recent posts get most of the replies, as they do in a live feed. */
function pickRecent(rng: Rng, recent: RecentPost[]): RecentPost {
  const n = recent.length;
  const index = n - 1 - Math.floor(Math.pow(rng.next(), 2) * n);
  return recent[Math.max(0, index)]!;
}

function pickOtherAuthor(rng: Rng, lang: Lang, not: number): number {
  const pool = authorsBy(lang, ['regular']).filter(({ index }) => index !== not);
  return rng.pick(pool).index;
}

// ---------------------------------------------------------------------------------------------------------------
// The connector

function ratePerMinute(config: Record<string, unknown>): number {
  const rate = config.ratePerMinute ?? 6;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 1 || rate > 600) {
    throw new ConnectorError('config', 'Demo source: "ratePerMinute" must be a number from 1 to 600');
  }
  return rate;
}

function seedFrom(now: Date): number {
  // FNV-1a over the start time: each demo source gets its own stream.
  let h = 0x811c9dc5;
  for (const ch of now.toISOString()) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

function readCursor(raw: unknown): DemoCursor | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const c = raw as Partial<DemoCursor>;
  if (c.v !== 1 || typeof c.stream !== 'string' || typeof c.seq !== 'number' || typeof c.rng !== 'number') return null;
  if (typeof c.at !== 'string' || Number.isNaN(Date.parse(c.at))) return null;
  return {
    v: 1,
    stream: c.stream,
    seq: c.seq,
    rng: c.rng,
    at: c.at,
    backlog: typeof c.backlog === 'number' ? c.backlog : 0,
    recent: Array.isArray(c.recent) ? c.recent : [],
  };
}

function page(ctx: PullContext): PullResult {
  const rate = ratePerMinute(ctx.config);
  const interval = 60_000 / rate;
  const now = ctx.now();
  let cursor = readCursor(ctx.cursor);
  if (!cursor) {
    // A new source: an hour of history (at most backfillLimit, at least one), ending now.
    const total = Math.max(1, Math.min(ctx.backfillLimit, Math.round(rate * 60)));
    const seed = seedFrom(now);
    cursor = {
      v: 1,
      stream: seed.toString(36),
      seq: 0,
      rng: seed,
      at: new Date(now.getTime() - total * interval).toISOString(),
      backlog: total,
      recent: [],
    };
  } else {
    cursor = structuredClone(cursor);
  }

  let at = Date.parse(cursor.at);
  let count: number;
  if (cursor.backlog > 0) {
    count = Math.min(cursor.backlog, DEMO_MAX_PER_PULL);
    cursor.backlog -= count;
  } else {
    const due = Math.floor((now.getTime() - at) / interval);
    count = Math.max(0, Math.min(due, DEMO_MAX_PER_PULL));
    // After a long pause, skip ahead instead of replaying it: the stream is live, not a log.
    if (due > DEMO_MAX_PER_PULL) at = now.getTime() - count * interval;
  }

  const rng = new Rng(cursor.rng);
  const mentions: PulledMention[] = [];
  for (let i = 0; i < count; i++) {
    // Jitter within the slot keeps the stream irregular yet ordered and never in the future.
    const postedAt = new Date(Math.floor(at + rng.next() * interval * 0.9));
    const { mention, recent } = generate(cursor, rng, postedAt);
    mentions.push(mention);
    if (recent) cursor.recent = [...cursor.recent, recent].slice(-RECENT_MAX);
    at += interval;
  }
  cursor.rng = rng.state;
  cursor.at = new Date(at).toISOString();
  return { mentions, skipped: [], cursor, more: cursor.backlog > 0 };
}

export const demoConnector: Connector = {
  kind: 'demo',
  retrySafe: true,
  replyLimit: () => 500,
  // The executor turns a config error thrown while generating into a rejection.
  pull: (ctx) => new Promise<PullResult>((resolve) => resolve(page(ctx))),
  // Nothing to send anywhere: the reply is recorded as sent, under an id derived from its key (idempotent).
  reply: (_ctx, req) => {
    const externalId = `demo-reply-${req.idempotencyKey}`;
    return Promise.resolve({ externalId, url: `${DEMO_BASE_URL}/posts/${externalId}` });
  },
};
