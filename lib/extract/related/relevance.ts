// Topical relevance of related items: each teaser is graded on / near / off against the article,
// with a short reason kept as data (a kind, the words behind it, a field) so the UI can word it in
// any language. Pure and offline: plain text in, plain data out; no DOM, no network, no model.
//
// The evidence, strongest first:
// * ad and sponsor markers (an ad network's redirect, "Sponsored", 广告/推广) make an item off;
// * terms the item's title (and, weaker, its snippet) shares with the article's title, lead and
//   key terms. Chinese and Japanese are compared in character bigrams, other languages in lightly
//   stemmed words; stop words, words too common to name a subject, and the site's own name carry
//   little or no weight. Enough shared weight makes an item on topic, some makes it near;
// * the field: a small lexicon of cue words per news desk (sports, economy, health, tech…, the
//   way a portal splits its news) places the article and each item. An item in one of the
//   article's fields is near; an item clearly in another field, sharing at most a keyword, is off;
// * the item sits in the article's own URL section ("/esporte/"), or its section is named after a
//   key term of the article ("/allergies/" under a peanut-allergy study), or its block's heading
//   announces the section ("其他同一栏目内容"): the same desk, near;
// * a title that is the article's but for a number ("Issue 85", "Issue 86") is the same series, on;
// * the block as a whole: when most of a block's items share nothing with the article it is a
//   site-wide feed, and its items that share nothing and cannot be placed are off. In a block whose
//   items mostly do relate, such an item is given the benefit of the doubt (near).
import type { RelatedBlock, RelatedItem } from '../types';

export type Relevance = NonNullable<RelatedItem['relevance']>;
export type RelevanceGrade = Relevance['grade'];
/**
 * Why an item got its grade, as data (`terms` are the words behind it, as the item shows them;
 * `field` a FIELDS id):
 * - `shared`: shares `terms` with the article (on or near);
 * - `same-section`: listed in the article's own site section, or in a section named after one of
 *   its key terms (`terms` holds the section name);
 * - `same-field`: in one of the article's fields (`field`, with the cue words in `terms`);
 * - `same-series`: its title is the article's but for a number or a word ("Issue 85", "Issue 86");
 * - `same-list`: cannot be placed, but sits in a block whose other items relate to the article;
 * - `keyword-only`: shares only a minor word (`terms`) with the article, and is in another field
 *   (`field`) or in a site-wide feed;
 * - `different-topic`: in another field (`field`, cue words in `terms`) and shares nothing;
 * - `site-feed`: shares nothing, in a block where most items share nothing (a site-wide feed);
 * - `sponsored`: an ad or a sponsored link.
 */
export type RelevanceReason = Relevance['reason'];
export type RelevanceReasonKind = RelevanceReason['kind'];

/** What the grader needs of the article: plain text only (the caller turns contentHtml into text). */
export interface RelevanceArticle {
  title: string;
  /** The article's text, in reading order (its first sentences are taken as the lead). */
  text: string;
  /** BCP 47-ish language tag ("zh", "en"); "" when unknown. */
  lang: string;
  /** The article's address: its host and path sections are evidence; "" when unknown. */
  url: string;
  siteName?: string;
}

// ---------------------------------------------------------------------------------------------
// Tokens

/** One comparable unit of text: a CJK character bigram or a (lightly stemmed) word. */
interface Token {
  key: string;
  /** The word as written, lower case (words only; "" for bigrams). */
  raw: string;
  /** Offsets in the normalised text the token came from, for showing the words behind it. */
  start: number;
  end: number;
  cjk: boolean;
}

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u3005]+/gu;
const HIRAGANA = /\p{Script=Hiragana}/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)?/gu;
const HANGUL = /^\p{Script=Hangul}+$/u;
const NO_SPACES = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]/; // Thai, Lao, Myanmar, Khmer

/**
 * Chinese function characters: a bigram through one of them ("的架", "是由") is noise, so CJK runs
 * are cut at them. Hiragana cuts Japanese runs the same way (particles and endings).
 */
const ZH_CUT = new Set('的了着是和与及或也都而被把这那们吗呢吧啊很又给其於在为从对将向让就还'.split(''));

/** A numeral and a measure word ("一块", "两名", "第三"): a count, not a subject. */
const NUMERAL_MEASURE = /^[一二三四五六七八九十两几数百千万亿第每半多首][个块张片位名次年月日天条件项家岁人种只场届期批轮部篇些]$/;

/** Chinese bigrams of no topical weight. */
const ZH_STOP = new Set(
  (
    '我们 你们 他们 她们 它们 自己 一个 一些 一种 一次 一直 这个 那个 这些 那些 这样 那样 这种 没有 什么 怎么 怎样 ' +
    '如何 为何 可以 可能 已经 表示 记者 报道 新闻 今天 昨天 明天 今年 去年 目前 进行 以及 因为 所以 但是 如果 通过 ' +
    '相关 文章 来源 原标 标题 责任 编辑 网友 视频 图片 时间 日电 小时 分钟 当时 现在 之后 以后 以来 之前 其中 ' +
    '不是 不会 不能 还是 就是 只是 也是 都是 而是 或者 然后 同时 此外 另外 虽然 并且 而且 甚至 因此 于是 ' +
    '一下 一样 一起 一定 非常 特别 比较 更加 最新 第一 第二 第三 不少 很多 许多 所有 每个 大家 有人 有些 哪些 为什 ' +
    '阅读 点击 查看 更多 全文 详情 评论 分享 转载 声明 版权 作者 发布 发表 本文 本站 来自 资讯 热点 推荐 举报 ' +
    '月日 年月 上午 下午 晚上 凌晨 近日 日前 此前 随后 最后 开始 继续 认为 知道 觉得 出现 成为 发现 需要 ' +
    '人民币 万元 亿元 两个 三个 几个 一位 一名 一家 多次 只有 结果 以上 以下 左右 之一'
  ).split(' '),
);

/**
 * Chinese and Japanese words that are real words but name no subject on their own: common verbs
 * and nouns of every field, and words of a text's genre (指南 guide, 实例 example, 教程 tutorial).
 */
const CJK_GENERAL = new Set(
  (
    '中国 国家 全国 我国 国内 国外 国际 世界 全球 社会 工作 问题 情况 方面 重要 时候 人们 发展 地方 地区 各地 部门 ' +
    '政府 公司 企业 市场 生活 朋友 孩子 男子 女子 官方 回应 关于 一年 城市 中心 部分 领域 行业 单位 机构 组织 人员 ' +
    '应用 使用 技术 服务 用户 数据 方法 系统 功能 基础 学习 分析 管理 产品 信息 网络 设计 架构 实现 支持 提供 能力 ' +
    '过程 方式 作用 影响 内容 活动 项目 计划 主要 包括 提高 加强 推进 推动 落实 开展 实施 建设 全面 有效 不断 其他 ' +
    '不同 具有 作为 当前 正在 能够 实际 具体 基本 一般 正式 最终 首次 持续 稳定 关键 核心 积极 进一 一步 指出 强调 ' +
    '介绍 显示 看到 结束 举行 召开 宣布 公布 获得 取得 达到 增加 减少 保持 确保 提升 打造 解决 面临 面对 受到 造成 ' +
    '导致 产生 带来 引发 期间 年度 安全 标准 质量 价值 水平 规模 模式 条件 环境 资源 经验 特点 优势 原因 效果 ' +
    '指南 实例 示例 教程 入门 详解 实战 技巧 步骤 原理 概念 总结 案例 攻略 大全 必看 干货 方案 应用场 场景 ' +
    '記事 情報 写真 動画 発表 開始 提供 利用 対応 可能 サービス'
  ).split(' '),
);

/** Stop words, per language (small lists: function words and the words of news boilerplate). */
const STOP: Record<string, string> = {
  en:
    'a an the and or but nor of to in on at by for from with without into onto over under about above after before ' +
    'as is are was were be been being am do does did done have has had having will would shall should can could may ' +
    'might must not no yes so than then too very just also only even still yet again ever never here there where when ' +
    'what which who whom whose why how all any both each every few many more most much other others some such own same ' +
    'this that these those it its i me my we our us you your he him his she her they them their one two three four five ' +
    'first last new now up down out off if because while during through between against among per via vs ' +
    'say says said tell tells told get gets got make makes made go goes going gone come comes came take takes took ' +
    'see sees seen look looks want wants know knows like really way ways thing things time times year years day ' +
    'days week weeks month months today yesterday tomorrow people man men woman women here’s what’s there’s it’ll ' +
    'don’t doesn’t can’t won’t isn’t aren’t didn’t ive youll youre dont doesnt cant wont isnt news latest update updated ' +
    'read watch video videos photo photos image images pictures click share comments comment story stories article ' +
    'articles report reports reported mr mrs ms dr inc ltd co com www http https best top big little good great back ' +
    'next well monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'january february march april may june july august september october november december ap reuters afp abc cnn ' +
    'associated press via getty credit copyright nothing everything anything something everyone someone anyone ' +
    'everybody somebody nobody',
  fr:
    'le la les un une des du de d l au aux et ou mais donc or ni car ce cet cette ces son sa ses leur leurs mon ma mes ' +
    'ton ta tes notre nos votre vos qui que quoi dont où est sont été être avoir a ont avait fait faire plus moins très ' +
    'pas ne n se s sur sous dans par pour avec sans entre vers chez comme tout tous toute toutes il elle ils elles on nous ' +
    'vous je tu lui y en aussi après avant depuis quand selon mardi lundi mercredi jeudi vendredi samedi dimanche ' +
    'lire voir article vidéo photo',
  de:
    'der die das den dem des ein eine einen einem einer eines und oder aber doch denn so als wie wenn dass daß ob zu zum ' +
    'zur im in am an auf aus bei mit nach von vor für über unter durch gegen ohne um bis seit ist sind war waren wird ' +
    'werden wurde wurden hat haben hatte hatten sein seine ihre ihr es er sie wir ich du man nicht kein keine auch ' +
    'noch nur schon sehr mehr jetzt hier dort dann da bereits neue neuen neu zudem sowie etwa rund beim vom ins bild',
  pt:
    'o a os as um uma uns umas de do da dos das em no na nos nas por pelo pela pelos pelas para com sem sob sobre entre ' +
    'e ou mas que se não sim é são foi foram ser ter tem têm tinha há mais menos muito muita seu sua seus suas ele ela ' +
    'eles elas eu nós você vocês isso isto esse essa este esta aquele aquela já também ao aos à às como quando onde ' +
    'após até diz disse vai veja leia',
  es:
    'el la los las un una unos unas de del al en por para con sin sobre entre y o pero que se no sí es son fue fueron ' +
    'ser estar está están ha han había más menos muy su sus él ella ellos ellas yo nosotros usted esto esta este ese esa ' +
    'ya también como cuando donde tras hasta dice dijo lo le les',
  it:
    'il lo la i gli le un uno una di del della dei delle degli in nel nella per con su sul sulla tra fra e o ma che se ' +
    'non è sono era erano essere avere ha hanno più meno molto suo sua suoi sue lui lei loro io noi voi questo questa ' +
    'quello quella già anche come quando dove dopo fino',
  nl:
    'de het een en of maar van in op te voor met aan bij door over uit naar om als dat die dit deze zijn is was waren ' +
    'wordt worden werd heeft hebben had niet geen ook nog wel al er hij zij ze wij we ik je u hun haar zijn meer',
  ru:
    'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее её мне было вот от меня ' +
    'еще ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь ' +
    'там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже ' +
    'себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас ' +
    'были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них ' +
    'какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда ' +
    'конечно всю между это как также года году',
  cs:
    'a i k o s u v z ve ze na do od po pro při za před nad pod mezi je jsou byl byla bylo byli být bude budou není se si ' +
    'to ten ta ty tak také jako že ale nebo ani když kde co kdo který která které jeho její jejich už ještě jen již by ' +
    'aby po přes mu mi ho jak tu tam než',
  pl:
    'i w we z ze na do od po przez dla o u za przed nad pod między jest są był była było byli być będzie nie się to ten ' +
    'ta te tak także jak że ale lub ani gdy gdzie co kto który która które jego jej ich już jeszcze tylko by aby',
  tr:
    've ile bir bu şu o da de ki mi mu için gibi daha çok en ama veya ne olarak olan oldu sonra kadar değil var yok',
  ar:
    'في من إلى على عن مع هذا هذه ذلك التي الذي الذين كان كانت هو هي أن إن لا ما لم لن قد كل بعد قبل بين عند أو ثم حتى',
};
const STOP_SETS: Record<string, Set<string>> = Object.fromEntries(
  Object.entries(STOP).map(([lang, words]) => [lang, new Set(words.split(/\s+/))]),
);
/** English stop words apply everywhere: English words turn up in every language's pages. */
const STOP_ANY = STOP_SETS.en;

function isStopWord(key: string, lang: string): boolean {
  if (STOP_ANY.has(key)) return true;
  const set = STOP_SETS[lang];
  // a language without a list: its one- and two-letter words are mostly function words
  return set ? set.has(key) : key.length <= 2 && !/[\d]/.test(key) && lang !== 'zh' && lang !== 'ja' && lang !== '';
}

/** English words of every field: they count, but too little to make a shared subject alone. */
const EN_GENERAL_WORDS =
  'able act action age ago agree air allow almost along already although always american america area around ask away ' +
  'bad become began begin behind believe better body bring build call called care case certain certainly change city ' +
  'clear close community company consider continue country course cut decide different early easy end enough entire ' +
  'event everything example experience fact fall far feel felt find found follow form free full general give given ' +
  'group grow hand happen hard head hear help high hold home hope hour house idea important include including increase ' +
  'interest issue keep kind large late later lead learn least leave less let level life line live long lose lot low ' +
  'major matter mean member mind minute moment move name near need number offer often old open order part past pay ' +
  'perhaps place plan play point possible power present probably problem program provide public put question quickly ' +
  'rather real reason recent recently remain result return right run second seem send sense serve service set several ' +
  'short show side simply since small social someone something sometimes soon start state stop sure system talk term ' +
  'thought together toward true try turn understand until use used usually various whether whole within word work ' +
  'world write young guide tips tip review reviews way why how inside behind truth secret secrets thing things ' +
  'million billion percent half another around across major key big biggest huge small official officials';

/** A light, language-aware stem: plural and common verb endings go, so "strandings" meets "stranded". */
function stem(word: string, lang: string): string {
  let w = word.replace(/['’]s$/, '').replace(/['’]/g, '');
  if (HANGUL.test(w)) return w.length >= 3 ? w.replace(/[은는이가을를의에도로와과]$/, '') : w;
  if (lang === 'ar' && w.length >= 5 && w.startsWith('ال')) w = w.slice(2);
  if (!/^[a-z\u00c0-\u024f-]+$/.test(w)) return w;
  if (lang === 'en' || lang === '' || lang === 'zh' || lang === 'ja') {
    if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
    else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
    else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
    if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
    else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  } else if (lang === 'fr' || lang === 'pt' || lang === 'es' || lang === 'it') {
    if (w.length > 4 && /[^s]s$/.test(w)) w = w.slice(0, -1);
  } else if (lang === 'de' || lang === 'nl') {
    if (w.length > 5) w = w.replace(/(en|er|es|e|n|s)$/, '');
  }
  return w;
}

const EN_GENERAL = new Set(EN_GENERAL_WORDS.split(/\s+/).map((w) => stem(w, 'en')));

function normalise(text: string): string {
  return text.normalize('NFKC');
}

/** Tokens of `text` (already normalised): CJK bigrams and stemmed words, stop words dropped. */
function tokenize(text: string, lang: string): Token[] {
  const out: Token[] = [];
  let lower = text.toLowerCase();
  // offsets must stay those of `text` ("İ" lowers to two code units)
  if (lower.length !== text.length) lower = text.replace(/[^]/gu, (c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c));
  // CJK: bigrams within runs cut at function characters and hiragana.
  for (const m of text.matchAll(CJK_RUN)) {
    const run = m[0];
    const base = m.index ?? 0;
    let segStart = 0;
    for (let i = 0; i <= run.length; i++) {
      const ch = run[i];
      if (i === run.length || ZH_CUT.has(ch) || HIRAGANA.test(ch)) {
        for (let j = segStart; j + 1 < i; j++) {
          const key = run.slice(j, j + 2);
          if (!ZH_STOP.has(key) && !NUMERAL_MEASURE.test(key)) out.push({ key, raw: '', start: base + j, end: base + j + 2, cjk: true });
        }
        segStart = i + 1;
      }
    }
  }
  // Everything else: words (segmented by Intl.Segmenter for scripts written without spaces).
  const rest = lower.replace(CJK_RUN, (s) => ' '.repeat(s.length));
  const pushWord = (word: string, start: number) => {
    if (/^\d+$/.test(word)) return; // bare numbers: dates, counts, ids
    // Arabic and Hebrew vowel marks are optional in writing: مساءً is مساء
    const raw = word.replace(/[\u0591-\u05c7\u064b-\u065f\u0670]/g, '');
    if (raw.length < 2) return;
    if (isStopWord(raw, lang)) return;
    const key = stem(raw, lang);
    if (key.length < 2 || isStopWord(key, lang)) return;
    out.push({ key, raw, start, end: start + word.length, cjk: false });
  };
  for (const m of rest.matchAll(WORD)) {
    const word = m[0];
    const start = m.index ?? 0;
    if (NO_SPACES.test(word) && typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
      const seg = new Intl.Segmenter(lang || undefined, { granularity: 'word' });
      for (const s of seg.segment(word)) if (s.isWordLike) pushWord(s.segment, start + s.index);
    } else pushWord(word, start);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fields: which desk of a news site a text belongs to, from cue words

/**
 * The desks a portal splits its news into (../shared/corpus/RELEVANCE.md), with cue words per
 * language. CJK cues match as substrings; Latin cues as stemmed words, `word*` as a prefix and
 * `two_words` as a phrase. `ai`, `software` and `hardware` are parts of `tech`: a general tech
 * article is in all of them, an AI article is not in `software`.
 */
const FIELD_CUES: Record<string, { cjk?: string; latin?: string }> = {
  politics: {
    cjk:
      '国务院 中央 中共 政治局 总书记 习近平 李克强 主席 总理 省委 市委 县委 区委 书记 党委 党组 党员 党建 人大 政协 两会 ' +
      '官员 干部 落马 反腐 纪委 监委 巡视 任命 免职 任免 履新 市长 省长 县长 政策 政治 执政 部长 厅长 局长 厅级 晋升 提拔 ' +
      '扫黄打非 常委会 ' +
      '政府 首相 国会 選挙 大臣 内閣 自民党 与党 野党 議員',
    latin:
      'politics political politician* government congress congressional senate senator* rep republican* democrat* ' +
      'democratic gop election* electoral voter* ballot* campaign* candidate* president-elect presidential white_house ' +
      'administration cabinet nomination nominee governor* mayor* legislat* lawmaker* parliament* minister* trump obama ' +
      'clinton biden comey ' +
      'politique gouvernement ministre président élection* député* sénat assemblée parlement ' +
      'politik regierung kanzler* bundestag wahl* partei* ' +
      'política governo presidente eleição eleito ministro congresso senado deputado* bolsonaro lula partido gobierno',
  },
  world: {
    cjk:
      '外交部 外交 大使馆 大使 领事 联合国 国际社会 外媒 美方 中方 日方 韩方 俄方 美国 日本 韩国 朝鲜 俄罗斯 英国 法国 德国 ' +
      '意大利 西班牙 欧盟 欧洲 印度 巴基斯坦 伊朗 伊拉克 叙利亚 以色列 巴勒斯坦 中东 非洲 澳大利亚 澳洲 加拿大 墨西哥 巴西 ' +
      '岛国 东南亚 越南 菲律宾 泰国 新加坡 马来西亚 印尼 美中 中美 中日 中韩 中德 中俄 会见 会谈 峰会 制裁 特朗普 拜登 普京 ' +
      '默克尔 安倍 文在寅 金正恩 特鲁多 马克龙 耿爽 华春莹 发言人 白宫 五角大楼 国务卿 移民 难民 ' +
      '外務省 米国 アメリカ 韓国 北朝鮮 ロシア 欧州 国連 大統領 トランプ',
    latin:
      'foreign diplomat* embassy ambassador* united_nations nato kremlin putin russia russian* moscow china chinese ' +
      'beijing japan japanese korea korean* pyongyang syria syrian* aleppo iran iranian* iraq* afghanistan afghan israel ' +
      'israeli* palestinian* gaza ukrain* europe european* eu brussels brexit germany german* france french britain ' +
      'british india indian mexico canada saudi opec sanction* summit* refugee* migrant* immigra* treaty overseas ' +
      'étranger diplomatie ambassade onu otan russie chine états-unis europe européen* allemagne ' +
      'ausland russland usa europa internacional eua rússia',
  },
  hktw: {
    cjk:
      '香港 港府 港警 港铁 港人 港独 林郑 特首 立法会 区议会 区选 反修例 暴徒 理大 黄之锋 澳门 台湾 台独 台军 民进党 国民党 ' +
      '蔡英文 韩国瑜 两岸 台海 台当局 东方之珠',
    latin: 'hong_kong taiwan taiwanese macau',
  },
  military: {
    cjk:
      '军队 军方 解放军 国防部 国防 军舰 战舰 航母 舰队 舰艇 海军 空军 陆军 火箭军 战机 战斗机 歼-20 歼20 运-20 运20 ' +
      '预警机 轰炸机 巡逻机 导弹 武器 军演 演习 部队 士兵 官兵 军事 坦克 潜艇 核武 军工 军备 ' +
      '自衛隊 防衛省 ミサイル 米軍',
    latin:
      'military army navy naval marines troops soldier* pentagon warplane* fighter_jet* stealth missile* weapon* ' +
      'drone_strike* airstrike* bomber* warship* veteran* air_force deployed deployment combat ' +
      'armée militaire soldats défense bundeswehr militär armee soldaten militar exército',
  },
  economy: {
    cjk:
      '经济 财经 金融 股市 股票 股价 A股 港股 美股 上市 IPO 市值 营收 利润 净利 财报 投资 基金 银行 央行 利率 汇率 通胀 ' +
      'CPI GDP 贸易 关税 出口 进口 外贸 经贸 董事长 总裁 CEO 收购 并购 融资 估值 房价 楼市 房地产 物价 菜价 猪肉 价格 ' +
      '涨价 降价 消费 零售 电商 产业 制造业 工厂 就业 失业 招聘 工资 薪资 稳岗 社保 个税 评级 惠誉 穆迪 标普 债券 ' +
      '供应链 自贸区 新片区 示范区 营商 百货 销售 商业 ' +
      '経済 株価 市場 決算 円安 円高 日銀 投資 売上',
    latin:
      'economy economic* stock stocks wall_street investor* investment* invest bank* banking finance financial fed ' +
      'federal_reserve interest_rate* inflation gdp recession trade tariff* export* import imports ceo earnings revenue* ' +
      'profit* acquisition* acquire* merger* shareholder* ipo valuation retail* sales price* pricing volatility ' +
      'unemployment wage* salary salaries employer* employee* layoff* tax taxes business* industry industries ' +
      'économie économique bourse banque* entreprise* croissance chômage wirtschaft börse unternehmen aktie* konzern* ' +
      'umsatz economia econômico bolsa banco empresa* mercado economía',
  },
  tech: {
    cjk:
      '互联网 网民 手机 智能手机 iPhone 苹果 华为 小米 OPPO vivo 三星 谷歌 微软 脸书 推特 微博 微信 腾讯 阿里 百度 ' +
      '字节跳动 抖音 快手 美团 京东 拼多多 滴滴 App 软件 操作系统 电脑 笔记本 平板 屏幕 5G 4G 通信 运营商 基站 数码 ' +
      '智能 共享充电宝 共享单车 共享经济 网约车 云计算 云平台 大数据 科技公司 黑科技 无人机 ' +
      'スマホ スマートフォン アプリ インターネット パソコン Android Wi-Fi 無線LAN 通信 ソフトウェア セキュリティ',
    latin:
      'tech technology technologies internet online web website* app apps smartphone* iphone* ipad* android apple ' +
      'google facebook twitter reddit microsoft amazon uber lyft airbnb silicon_valley startup* software hardware ' +
      'computer* laptop* gadget* smartwatch* wearable* emoji privacy net_neutrality fcc broadband wifi wi-fi 5g cyber* ' +
      'hacker* hacked data_breach robot* tablet* console* playstation xbox nintendo vr virtual_reality headset* ' +
      'video_game* gaming gamer* psvr streaming ' +
      'technologie numérique logiciel technik smartphone ios mac tecnologia celular aplicativo',
  },
  ai: {
    cjk:
      '人工智能 AI 机器学习 深度学习 神经网络 大模型 语言模型 ChatGPT GPT OpenAI 强化学习 自然语言 NLP 计算机视觉 ' +
      '自动驾驶 智能驾驶 无人驾驶 Transformer 生成式 算力 NPU 激活函数 ' +
      '人工知能 機械学習 ディープラーニング 生成AI',
    latin:
      'ai artificial_intelligence machine_learning deep_learning neural chatgpt openai gpt llm* chatbot* self-driving ' +
      'autonomous',
  },
  software: {
    cjk:
      '编程 程序员 代码 源码 Python Java JavaScript TypeScript C++ C语言 Golang PHP nodejs 前端 后端 数据库 MySQL ' +
      'Redis HBase Hadoop Spark Elasticsearch Linux 运维 Docker Kubernetes 框架 Spring 开发者 函数 接口 API 算法 ' +
      '数据结构 链表 排序 Leetcode 网络安全 漏洞 黑客 防火墙 firewalld tmux vim macOS Windows Git WebGL GraphQL ' +
      '测试框架 pytest 自动化测试 ' +
      'プログラミング エンジニア 開発者',
    latin:
      'programming programmer* coding developer* python java javascript typescript database* sql mysql linux api ' +
      'apis framework* devops kubernetes docker open-source github algorithm* compiler*',
  },
  hardware: {
    cjk:
      '芯片 半导体 核心板 开发板 嵌入式 单片机 PLC 以太网 电路 FPGA 传感器 处理器 主板 显卡 CPU GPU 晶圆 光刻 麒麟 ' +
      '骁龙 高通 联发科 树莓派 ' +
      '半導体 ラズベリーパイ',
    latin: 'chip chips chipmaker* semiconductor* processor* cpu gpu nvidia intel amd qualcomm raspberry_pi arduino',
  },
  science: {
    cjk:
      '科学家 研究人员 研究团队 科研 天文 宇宙 太空 航天 火箭 卫星 嫦娥 月球 火星 地球 星系 黑洞 物理学 化学 生物学 ' +
      '基因 进化 化石 恐龙 实验室 论文 诺贝尔 空间站 宇航员 航天员 ' +
      '科学 研究者 ロケット 衛星',
    latin:
      'science scientist* scientific researcher* space nasa rocket* astronaut* cosmonaut* spacecraft spaceship* ' +
      'space_station satellite* orbit* planet* pluto mars lunar moonwalker galaxy galaxies black_hole* universe cosmos ' +
      'cosmic physics physicist* astronom* telescope* dinosaur* fossil* evolution genetic* gene genes ' +
      'scientifique* chercheur* wissenschaft* forscher* raumfahrt weltall ciência cientista* pesquisa* espaço',
  },
  environment: {
    cjk:
      '环保 环境保护 生态环境 污染 雾霾 野生动物 动物 大熊猫 熊猫 保护区 生态 气候变化 碳排放 碳中和 鲸 鲨鱼',
    latin:
      'environment environmental climate pollution emission* carbon wildlife animal* species whale* shark* ' +
      'conservation endangered ecosystem* forest* dolphin* umwelt klima meio_ambiente',
  },
  health: {
    cjk:
      '医院 医生 医师 医疗 医务 医护 患者 病人 病例 确诊 疑似 感染 病毒 疫情 新冠 肺炎 疫苗 传染 防疫 卫健委 卫生 ' +
      '疾病 癌症 肿瘤 手术 治疗 药物 药品 健康 养生 过敏 心梗 猝死 世卫 隔离 核酸 口罩 抗疫 援鄂 病死率 病亡 救治 ' +
      '大脑 抑郁 心理 痴呆 ' +
      '病院 医療 ウイルス がん',
    latin:
      'health medical medicine* doctor* hospital* patient* disease* virus outbreak* epidemic* pandemic* vaccin* ' +
      'cancer tumor* surgery surgeon* transplant* treatment* allerg* asthma diabetes heart_attack symptom* diet ' +
      'nutrition obesity mucus infection* flu fda clinical medically eczema calorie* fitness workout* mental_health ' +
      'brain brains neuro* psychiatr* psycholog* depression anxiety dementia alzheimer* autism therapy ' +
      'santé médecin* hôpital maladie* gesundheit arzt ärzte krankenhaus krankheit* saúde médico* doença*',
  },
  // Crime, courts and accidents are told apart from the rest of domestic society (schools,
  // families, people's lives).
  legal: {
    cjk:
      '警方 警察 民警 公安 派出所 铁警 刑警 交警 法院 检察院 判决 判处 获刑 起诉 诉讼 律师 诈骗 电诈 骗子 嫌疑人 犯罪 ' +
      '案件 涉案 抓获 逮捕 拘留 家暴 杀人 命案 失踪 拐卖 事故 车祸 火灾 溺水 赔偿 维权 入法 执法 知识产权 袭警 ' +
      '容疑者 事件 事故 裁判',
    latin:
      'police cop cops sheriff* arrest* charged court courts judge* jury trial lawsuit* sued prison* jail* crime* ' +
      'criminal* murder* kidnap* victim* assault* fraud* scam* trafficking investigator* ' +
      'justice tribunal procès polizei gericht prozess polícia justiça',
  },
  society: {
    cjk:
      '学校 学生 老师 教师 校长 小学 中学 大学生 高校 校方 家长 孩子 女童 男童 儿童 幼儿园 高考 教育 教育厅 教体局 村民 ' +
      '居民 小区 社区 城管 夫妻 婚礼 老人 阿婆 网瘾 婚姻 离婚 投诉 辟谣 谣言 救援',
    latin:
      'school* student* teacher* campus college* university universities parent* kid kids child children baby babies ' +
      'mom moms mommy dad dads daddy mother* father* family families wife husband wedding* christmas rescu* firefighter* hero heroes dog dogs ' +
      'pet pets neighbor* missing ' +
      'école élèves famille schule familie escola família',
  },
  entertainment: {
    cjk:
      '明星 艺人 演员 歌手 导演 电影 影片 票房 电视剧 综艺 网剧 开播 主演 饰演 演绎 娱乐 八卦 绯闻 恋情 求婚 粉丝 偶像 ' +
      '演唱会 专辑 歌曲 音乐 颁奖 奥斯卡 春晚 网红 博主 主播 ' +
      '芸能 俳優 女優 映画 ドラマ アイドル',
    latin:
      'celebrity celebrities celeb celebs actor* actress* singer* rapper* movie* film films box_office tv sitcom* episode* ' +
      'hollywood netflix hbo oscar* grammy* emmy* album* song* music musician* band concert* comedian* comedy viral ' +
      'trailer* premiere* star_wars game_of_thrones royal prince princess kardashian* ' +
      'cinéma acteur actrice chanteur* musique kino schauspieler* sänger* musik cinema filme ator atriz cantor* música novela',
  },
  sports: {
    cjk:
      '体育 足球 篮球 排球 网球 乒乓 羽毛球 高尔夫 赛季 联赛 夺冠 冠军 亚军 决赛 世界杯 奥运 冬奥 亚运 球队 球员 球迷 主帅 ' +
      '教练 进球 射门 NBA CBA 中超 英超 西甲 意甲 德甲 欧冠 马拉松 田径 游泳 跳水 体操 拳击 UFC 电竞 LPL 男篮 女篮 ' +
      '男足 女足 国足 ' +
      'サッカー 野球 選手 試合 優勝 五輪 スポーツ',
    latin:
      'sport sports football soccer basketball baseball hockey tennis golf nfl nba mlb nhl fifa uefa olympic* athlete* ' +
      'coach* quarterback* touchdown* playoff* championship* tournament* striker* super_bowl world_cup doping ' +
      'sportsperson ' +
      'équipe championnat ligue joueur* fußball bundesliga spieler* futebol esporte* campeonato seleção libertadores ' +
      'copa clube rodada torneio fútbol deporte* liga jugador*',
  },
  autos: {
    cjk:
      '汽车 车型 新车 SUV MPV 轿车 跑车 车企 试驾 车展 宝骏 宝马 奔驰 奥迪 丰田 本田 特斯拉 比亚迪 吉利 蔚来 小鹏 ' +
      '新能源车 电动车 电动汽车 油耗 续航 手刹 贴膜 开车 驾照 4S店 车主 ' +
      '自動車 クルマ',
    latin: 'car cars auto autos automaker* suv suvs sedan* tesla ferrari bmw toyota honda porsche minivan* electric_vehicle* voiture* carro carros',
  },
  history: {
    cjk:
      '历史 古代 王朝 皇帝 清朝 明朝 唐朝 宋朝 汉朝 秦朝 民国 抗战 抗日 日军 八路军 红军 蒋介石 毛泽东 二战 大屠杀 北洋 ' +
      '水师 甲午 名将 战役 文物 考古 古墓 千年 历代 ' +
      '歴史 戦国 幕府',
    latin:
      'history historic historical historian* ancient century centuries medieval empire emperor* dynasty wwii ww2 ' +
      'world_war civil_war nazi* archaeolog* histoire geschichte história',
  },
  weather: {
    cjk:
      '台风 暴雨 降雨 强降雨 降温 气温 寒潮 高温 大风 暴雪 洪水 洪灾 干旱 地震 海啸 泥石流 滑坡 气象 天气 防汛 热带风暴 ' +
      '摄氏度 ' +
      '台風 大雨 天気 気象 豪雨',
    latin:
      'weather storm* hurricane* typhoon* tornado* blizzard* snowstorm* flood* drought* earthquake* tsunami* wildfire* ' +
      'heat_wave polar_vortex forecast* meteorolog* temperature* rainfall',
  },
  culture: {
    cjk:
      '文化 文艺 艺术 书画 画家 国画 书法 诗词 诗人 文学 作家 小说 读书 经典 书院 博物馆 展览 非遗 戏曲 昆曲 京剧 文人',
    latin:
      'art arts artist* painting* painter* museum* exhibit* gallery book books novel novels novelist* poet* poetry ' +
      'literature writer* theater theatre opera ballet kultur literatur cultura livro*',
  },
  lifestyle: {
    cjk:
      '美食 菜谱 餐厅 旅游 旅行 景区 游客 时尚 穿搭 美妆 化妆品 护肤 减肥 家居 装修 服装 服饰 ' +
      'Tシャツ ファッション グルメ 料理',
    latin:
      'food foods recipe* restaurant* chef* cooking pasta meal meals breakfast lunch dinner snack* vegan vegetarian ' +
      'travel* tourist* tourism vacation* hotel* holiday holidays airbnb fashion beauty makeup skincare shirt*',
  },
};

/** Parts of a field: the tech desk's specialities. */
const FIELD_PARENT: Record<string, string> = { ai: 'tech', software: 'tech', hardware: 'tech' };


interface CueIndex {
  cjk: [string, string][]; // [cue (lower case), field]
  words: Map<string, string[]>; // stemmed word -> fields
  prefixes: [string, string][];
  phrases: [RegExp, string][];
}

let cueIndex: CueIndex | null = null;

function cues(): CueIndex {
  if (cueIndex) return cueIndex;
  const index: CueIndex = { cjk: [], words: new Map(), prefixes: [], phrases: [] };
  for (const [field, { cjk = '', latin = '' }] of Object.entries(FIELD_CUES)) {
    for (const cue of cjk.split(/\s+/).filter(Boolean)) {
      // Latin cues written among the CJK ones (AI, NBA, 5G, iPhone) are matched as words.
      if (/^[a-z0-9+.-]+$/i.test(cue)) addWord(index, cue.toLowerCase(), field);
      else index.cjk.push([cue.toLowerCase(), field]);
    }
    for (const cue of latin.split(/\s+/).filter(Boolean)) addWord(index, cue.toLowerCase(), field);
  }
  cueIndex = index;
  return index;
}

function addWord(index: CueIndex, cue: string, field: string) {
  if (cue.includes('_')) {
    const body = cue.replace(/\*$/, '').replace(/_/g, '[\\s-]+');
    const tail = cue.endsWith('*') ? '\\p{L}*' : '(?:s|es)?';
    index.phrases.push([new RegExp(`(?:^|[^\\p{L}])${body}${tail}(?:$|[^\\p{L}])`, 'u'), field]);
  } else if (cue.endsWith('*')) index.prefixes.push([cue.slice(0, -1), field]);
  else if (/[^\p{L}]/u.test(cue)) {
    // words with digits or symbols (5g, c++, wi-fi) are matched as written
    index.words.set(cue, [...(index.words.get(cue) ?? []), field]);
  } else {
    // matched against a text's words as written and as stemmed ("whales" meets "whale")
    index.words.set(cue, [...(index.words.get(cue) ?? []), field]);
  }
}

let segmenter: Intl.Segmenter | null | undefined;

/** Characters of context either side of a cue for the dictionary to place word boundaries. */
const SEGMENT_CONTEXT = 6;

/**
 * True when a CJK cue found at [from, to) of `text` straddles a dictionary word of two or more
 * characters: 中学 in 在环境中学习 (中/学习) is no middle school. A cue inside a longer word (学生
 * in 大学生) is kept. Only a few characters around the cue are segmented; without Intl.Segmenter
 * every occurrence counts.
 */
function crossesWord(text: string, from: number, to: number): boolean {
  if (segmenter === undefined)
    segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  if (!segmenter) return false;
  const start = Math.max(0, from - SEGMENT_CONTEXT);
  const window = text.slice(start, Math.min(text.length, to + SEGMENT_CONTEXT));
  const a = from - start;
  const b = to - start;
  for (const seg of segmenter.segment(window)) {
    const s = seg.index;
    const e = s + seg.segment.length;
    if (e - s < 2) continue;
    if ((s < a && e > a && e < b) || (s > a && s < b && e > b)) return true;
  }
  return false;
}

/** Field cue hits in `text`: field -> cue -> occurrences (capped). */
function fieldHits(text: string, tokens: Token[], maxCount = 1): Map<string, Map<string, number>> {
  const index = cues();
  const lower = text.toLowerCase();
  const hits = new Map<string, Map<string, number>>();
  const hit = (field: string, cue: string, n = 1) => {
    const m = hits.get(field) ?? new Map<string, number>();
    m.set(cue, Math.min(maxCount, (m.get(cue) ?? 0) + n));
    hits.set(field, m);
  };
  for (const [cue, field] of index.cjk) {
    let from = lower.indexOf(cue);
    let n = 0;
    let tries = 0;
    while (from >= 0 && n < maxCount && tries++ < 2 * maxCount + 2) {
      if (!crossesWord(lower, from, from + cue.length)) n++;
      from = lower.indexOf(cue, from + 1);
    }
    if (n) hit(field, cue, n);
  }
  for (const t of tokens) {
    if (t.cjk) continue;
    for (const key of t.key === t.raw ? [t.key] : [t.raw, t.key])
      for (const field of index.words.get(key) ?? []) hit(field, t.raw);
    for (const [prefix, field] of index.prefixes) if (t.raw.startsWith(prefix)) hit(field, t.raw);
  }
  // short Latin cues the tokenizer drops or splits ("ai", "5g", "wi-fi", "c++")
  for (const m of lower.matchAll(/[a-z0-9][a-z0-9+.-]*[a-z0-9+]|[a-z0-9]/g))
    if (m[0].length <= 6 && /[^a-z]|^.{1,2}$/.test(m[0]))
      for (const field of index.words.get(m[0]) ?? []) hit(field, m[0]);
  for (const [re, field] of index.phrases) {
    const m = re.exec(lower);
    if (m) hit(field, m[0].trim());
  }
  return hits;
}

/** Internal: the field cues found in `text` (diagnostics for tests/tools). */
export function fieldCuesOf(text: string, lang = ''): Record<string, string[]> {
  const norm = normalise(text);
  return Object.fromEntries([...fieldHits(norm, tokenize(norm, lang))].map(([f, m]) => [f, [...m.keys()]]));
}

// ---------------------------------------------------------------------------------------------
// The article's terms and fields

interface ArticleTerms {
  lang: string;
  /** Weight of each key (absent: no weight). */
  weight: Map<string, number>;
  /** Word keys by their first five letters, for matching "allergic" with "allergy". */
  byPrefix: Map<string, string[]>;
  /** Keys of the site's own name and host: no weight anywhere. */
  site: Set<string>;
  /** The article's own URL section, when it has a specific one ("esporte"). */
  section: string | null;
  /** The article's fields (empty when it cannot be placed). */
  fields: Set<string>;
  /** Every key of the title, the site's name included (for recognising a series: "Issue 85", "Issue 86"). */
  titleKeys: Set<string>;
}

const LEAD_CJK = 300; // characters
const LEAD_WORDS = 60;
const BODY_LIMIT = 40_000; // characters of body text read (a 5 MB page stays cheap)

/** Host labels that name no site ("www", "com", "co"). */
const HOST_NOISE = new Set(['www', 'm', 'wap', 'amp', 'mobile', 'com', 'net', 'org', 'co', 'gov', 'edu', 'info', 'news']);

function siteKeys(siteName: string | undefined, url: string, lang: string): Set<string> {
  const keys = new Set<string>();
  for (const t of tokenize(normalise(siteName ?? ''), lang)) keys.add(t.key);
  try {
    const host = new URL(url).hostname.toLowerCase();
    // every label but the top-level domain: "theguardian", "bbc", "163", "sina", "kjzx365"
    for (const label of host.split('.').slice(0, -1)) if (!HOST_NOISE.has(label) && label.length > 1) keys.add(stem(label, lang));
  } catch {
    // no usable URL
  }
  return keys;
}

/** Path sections that name no desk: "news", "article", "c", dates, ids. */
const GENERIC_SECTION =
  /^(?:news|article|articles|story|stories|post|posts|blog|blogs|archives?|content|contents|doc|docs|detail|details|view|item|items|index|html|page|pages|node|entry|entries|read|info|share|web|wap|amp|mobile|en|zh|cn|ja|de|fr|es|pt|it|www|home|main|default|category|tag|tags|topic|topics|[a-z]|id|newsdetail|pub|public|static|media|video|videos|photo|photos|gallery|live|latest|top|hot|local|world|meldung|artikel|noticias|noticia)$/i;

/** Language and locale sections ("/ar/", "/pt-br/", "/zh_cn/"): the site's edition, not a desk. */
const LANGUAGE_SECTION =
  /^(?:ar|he|fa|ur|ru|uk|ko|tr|pl|nl|sv|no|nb|da|fi|cs|sk|hu|ro|bg|el|th|vi|id|ms|hi|bn|ta|en|zh|ja|de|fr|es|pt|it|ca|hr|sr|sl|lt|lv|et)(?:[-_][a-z]{2,4})?$/i;

/** The first path section of `url` when it names a desk ("esporte", "environment", "allergies"). */
function sectionOf(url: string): string | null {
  try {
    const parts = new URL(url).pathname.split('/').filter(Boolean);
    if (parts.length < 2) return null; // a page at the root has no section
    const first = decodeURIComponent(parts[0]).toLowerCase();
    if (first.length < 2 || !/^[\p{L}][\p{L}_-]*$/u.test(first) || GENERIC_SECTION.test(first) || LANGUAGE_SECTION.test(first)) return null;
    return first;
  } catch {
    return null;
  }
}

function prefixOf(key: string): string | null {
  return key.length >= 5 && /^[\p{L}\p{N}]+$/u.test(key) ? key.slice(0, 5) : null;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Term weights: in the title 2, plus up to 2.5 for repetition in the text, plus 0.5 in the lead. */
const TITLE_WEIGHT = 2;
const LEAD_WEIGHT = 0.5;

function isGeneral(key: string, cjk: boolean): boolean {
  return cjk ? CJK_GENERAL.has(key) : EN_GENERAL.has(key);
}

function articleTerms(article: RelevanceArticle, o: RelevanceOptions): ArticleTerms {
  const lang = (article.lang || '').toLowerCase().split('-')[0];
  const site = siteKeys(article.siteName, article.url, lang);
  const title = normalise(article.title ?? '');
  const titleTokens = tokenize(title, lang);
  const titleKeys = new Set(titleTokens.map((t) => t.key));
  const text = normalise((article.text ?? '').slice(0, BODY_LIMIT));
  const tokens = tokenize(text, lang);
  const leadKeys = new Set<string>();
  let words = 0;
  for (const t of tokens) {
    if (t.cjk ? t.start > LEAD_CJK : ++words > LEAD_WORDS) break;
    leadKeys.add(t.key);
  }
  const tf = new Map<string, number>();
  const cjkKey = new Map<string, boolean>();
  for (const t of [...tokens, ...titleTokens]) cjkKey.set(t.key, t.cjk);
  for (const t of tokens) tf.set(t.key, (tf.get(t.key) ?? 0) + 1);
  const weight = new Map<string, number>();
  for (const key of new Set([...titleKeys, ...leadKeys, ...tf.keys()])) {
    if (site.has(key)) continue;
    const n = tf.get(key) ?? 0;
    let w = (titleKeys.has(key) ? TITLE_WEIGHT : 0) + (leadKeys.has(key) ? LEAD_WEIGHT : 0);
    if (n >= 2 || titleKeys.has(key) || leadKeys.has(key)) w += Math.min(2.5, 0.8 * Math.log2(1 + n));
    else w += 0.3; // once, deep in the body
    if (isGeneral(key, cjkKey.get(key) ?? false)) w *= o.generalFactor;
    weight.set(key, w);
  }
  const byPrefix = new Map<string, string[]>();
  for (const key of weight.keys()) {
    const p = prefixOf(key);
    if (p) byPrefix.set(p, [...(byPrefix.get(p) ?? []), key]);
  }
  // Fields: cues in the title weigh 3, in the lead 1, each further cue of the body 0.3 (up to 3 times).
  const score = new Map<string, number>();
  const addHits = (hits: Map<string, Map<string, number>>, w: number) => {
    for (const [field, m] of hits) {
      let s = 0;
      for (const n of m.values()) s += n * w;
      score.set(field, (score.get(field) ?? 0) + s);
    }
  };
  addHits(fieldHits(title, titleTokens), 3);
  const leadEnd = leadLength(text, tokens);
  const lead = text.slice(0, leadEnd);
  addHits(fieldHits(lead, tokens.filter((t) => t.end <= leadEnd)), 1);
  addHits(fieldHits(text.slice(leadEnd), tokens.filter((t) => t.start >= leadEnd), 3), 0.3);
  const best = Math.max(0, ...score.values());
  const fields = new Set<string>();
  for (const [field, s] of score) if (s >= o.fieldMin && s >= o.fieldShare * best) fields.add(field);
  return { lang, weight, byPrefix, site, section: sectionOf(article.url), fields, titleKeys };
}

function leadLength(text: string, tokens: Token[]): number {
  let words = 0;
  for (const t of tokens) {
    if (t.cjk ? t.start > LEAD_CJK : ++words > LEAD_WORDS) return t.start;
  }
  return text.length;
}

/** The article's weight for an item's key: exact, or a word sharing most of its letters. */
function weightOf(terms: ArticleTerms, key: string): number {
  if (terms.site.has(key)) return 0;
  const exact = terms.weight.get(key) ?? 0;
  const p = prefixOf(key);
  if (!p) return exact;
  let best = exact;
  for (const other of terms.byPrefix.get(p) ?? []) {
    const need = Math.max(5, Math.ceil(0.8 * Math.min(key.length, other.length)));
    if (commonPrefix(key, other) >= need) best = Math.max(best, terms.weight.get(other) ?? 0);
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Items

const AD_HOST =
  /(?:^|\.)(?:outbrain|taboola|revcontent|zergnet|mgid|adblade|doubleclick|googleadservices|googlesyndication|adnxs|criteo|plista|ligatus|nativo|sharethrough|triplelift|adform|smartadserver|adsrvr|teads|dianomi|powerinbox|zemanta|lockerdome|adsterra|propellerads|popads|tanx|mediav)\.[a-z.]+$|^(?:ad|ads|adclick|adserver|cpro|pos)\.[^.]+\.|(?:^|\.)content\.ad$/i;
const AD_PATH = /[/?&](?:sponsored|advertorial|adclick|ad_click|clickserve)(?:[/?&=.]|$)|[?&]utm_medium=(?:cpc|paid|native|sponsored)/i;
/**
 * A sponsor marker set off at either end of a title or snippet ("Sponsored · …", "… | 广告",
 * "[PR] …"), or standing alone ("Anzeige"). A bare "Ad campaign…" is not one.
 */
const AD_WORD =
  '(?:sponsored(?: content| post| by [^|·•]+)?|promoted|advertisement|advertorial|paid (?:content|post)|partner content|ad|ads|广告|推广|赞助|软文|広告|pr|スポンサー|anzeige|werbung|gesponsert|sponsorisé|publicité|publicidade|publicidad|patrocinado|pubblicità|реклама)';
const AD_EDGE = new RegExp(
  `^\\s*[\\[(（【]?\\s*${AD_WORD}\\s*(?:[\\])）】|｜·•:：\\-–—]|$)|[|｜·•\\-–—\\[(（【]\\s*${AD_WORD}\\s*[\\])）】]?\\s*$`,
  'i',
);

function isSponsored(item: RelatedItem): boolean {
  try {
    const url = new URL(item.url);
    if (AD_HOST.test(url.hostname) || AD_PATH.test(url.pathname + url.search)) return true;
  } catch {
    // not a URL: judged by its words
  }
  return AD_EDGE.test(item.title) || (item.snippet ? AD_EDGE.test(item.snippet.trim()) : false);
}

interface Shared {
  key: string;
  weight: number;
  shown: string;
}

/** What the grader found about one item (diagnostics: relevanceEvidence). */
export interface RelevanceEvidence {
  /** Shared weight with the article: title terms in full, strong snippet terms at half. */
  score: number;
  /** The heaviest single shared term (in the title or the snippet). */
  best: number;
  /** The item's words behind the score, strongest first, as the item shows them. */
  shown: string[];
  sponsored: boolean;
  section: string | null;
  /** In the article's own specific URL section, or in a section named after one of its key terms. */
  sameSection: boolean;
  /** The item's fields, strongest first, with the cue words seen. */
  fields: { field: string; score: number; cues: string[] }[];
  /** 'match': in one of the article's fields; 'other': placed, in none of them; 'unknown'. */
  fieldMatch: 'match' | 'other' | 'unknown';
  /** The item's field that is one of the article's, when fieldMatch is 'match'. */
  matchedField?: { field: string; score: number; cues: string[] };
  /** Dice coefficient of the item's and the article's title words, site name included. */
  titleLike: number;
}

const SNIPPET_LIMIT = 300;

/** Shared terms of one text (title or snippet) with the article: their weights and shown words. */
function sharedOf(norm: string, tokens: Token[], terms: ArticleTerms): Shared[] {
  const out: Shared[] = [];
  const seen = new Set<string>();
  // CJK bigrams: consecutive shared bigrams make one shown word ("新冠肺炎" from 新冠, 冠肺, 肺炎).
  let run: { start: number; end: number; weight: number; keys: string[] } | null = null;
  const closeRun = () => {
    if (!run) return;
    const fresh = run.keys.filter((k) => !seen.has(k));
    for (const k of fresh) seen.add(k);
    // a longer shared word weighs more than one bigram, less than the sum of its bigrams
    const w = fresh.length ? run.weight * (1 + 0.25 * (fresh.length - 1)) : 0;
    if (w > 0) out.push({ key: fresh.join('|'), weight: w, shown: norm.slice(run.start, run.end) });
    run = null;
  };
  for (const t of tokens) {
    if (!t.cjk) continue;
    const w = weightOf(terms, t.key);
    if (w <= 0) {
      closeRun();
      continue;
    }
    if (run && t.start === run.end - 1) {
      run.end = t.end;
      run.weight = Math.max(run.weight, w);
      run.keys.push(t.key);
    } else {
      closeRun();
      run = { start: t.start, end: t.end, weight: w, keys: [t.key] };
    }
  }
  closeRun();
  for (const t of tokens) {
    if (t.cjk || seen.has(t.key)) continue;
    const w = weightOf(terms, t.key);
    if (w <= 0) continue;
    seen.add(t.key);
    out.push({ key: t.key, weight: w, shown: norm.slice(t.start, t.end) });
  }
  return out;
}

function fieldsOf(hits: Map<string, Map<string, number>>, w: number, into: Map<string, { score: number; cues: Set<string> }>) {
  for (const [field, m] of hits) {
    const f = into.get(field) ?? { score: 0, cues: new Set<string>() };
    for (const [cue, n] of m) {
      f.score += n * w;
      f.cues.add(cue);
    }
    into.set(field, f);
  }
}

/** An item field at least this strong places the item (one title cue, or two snippet cues). */
const ITEM_FIELD_MIN = 1;

/** How the item's fields stand to the article's, and the item field that matched. */
function fieldRelation(
  itemFields: RelevanceEvidence['fields'],
  articleFields: Set<string>,
): { relation: RelevanceEvidence['fieldMatch']; matched?: RelevanceEvidence['fields'][number] } {
  if (!itemFields.length || !articleFields.size) return { relation: 'unknown' };
  const articleParts = [...articleFields].filter((f) => FIELD_PARENT[f]);
  for (const f of itemFields) {
    if (articleFields.has(f.field)) return { relation: 'match', matched: f };
    // A general tech item is in the field of an AI article; a programming item is not, unless
    // the article is general tech without a speciality.
    if (f.field === 'tech' && articleParts.length) return { relation: 'match', matched: f };
    const parent = FIELD_PARENT[f.field];
    if (parent && articleFields.has(parent) && !articleParts.length) return { relation: 'match', matched: f };
  }
  return { relation: 'other' };
}

function evidenceOf(item: RelatedItem, terms: ArticleTerms, boilerplate: Set<string>, o: RelevanceOptions): RelevanceEvidence {
  const title = normalise(item.title);
  const titleTokens = tokenize(title, terms.lang);
  const fromTitle = sharedOf(title, titleTokens, terms);
  const titleKeys = new Set(fromTitle.flatMap((s) => s.key.split('|')));
  const snippet = item.snippet ? normalise(item.snippet.slice(0, SNIPPET_LIMIT)) : '';
  const snippetTokens = snippet ? tokenize(snippet, terms.lang) : [];
  const fromSnippet = snippet
    ? sharedOf(snippet, snippetTokens, terms).filter(
        (s) => s.weight >= o.snippetMinWeight && !s.key.split('|').some((k) => titleKeys.has(k) || boilerplate.has(k)),
      )
    : [];
  const all = [...fromTitle, ...fromSnippet.map((s) => ({ ...s, weight: s.weight * o.snippetShare }))];
  all.sort((a, b) => b.weight - a.weight);
  const score = all.reduce((n, s) => n + s.weight, 0);
  const shown: string[] = [];
  for (const s of all) if (!shown.some((w) => w.toLowerCase() === s.shown.toLowerCase())) shown.push(s.shown);

  const section = sectionOf(item.url);
  let sameSection = section !== null && section === terms.section;
  if (section && !sameSection)
    for (const t of tokenize(section.replace(/[-_]/g, ' '), terms.lang))
      if (t.key.length >= 2 && weightOf(terms, t.key) >= o.onBest) sameSection = true;

  // The title places the item; the snippet only when the title alone cannot (two cues needed).
  const f = new Map<string, { score: number; cues: Set<string> }>();
  fieldsOf(fieldHits(title, titleTokens), 1, f);
  if (!f.size && snippet) fieldsOf(fieldHits(snippet, snippetTokens), 0.5, f);
  let fields = [...f]
    .filter(([, v]) => v.score >= ITEM_FIELD_MIN)
    .map(([field, v]) => ({ field, score: v.score, cues: [...v.cues] }))
    .sort((a, b) => b.score - a.score);
  // a programming or hardware item is in that part of tech, not in tech at large
  if (fields.some((x) => FIELD_PARENT[x.field])) fields = fields.filter((x) => x.field !== 'tech');
  const itemKeys = new Set(titleTokens.map((t) => t.key));
  let common = 0;
  for (const k of itemKeys) if (terms.titleKeys.has(k)) common++;
  const titleLike = common >= 2 ? (2 * common) / (itemKeys.size + terms.titleKeys.size) : 0;
  const relation = fieldRelation(fields, terms.fields);
  return {
    titleLike,
    score,
    // a word of the article's title in the snippet is as telling as in the item's title
    best: Math.max(
      0,
      ...fromTitle.map((x) => x.weight),
      ...fromSnippet.filter((x) => x.key.split('|').some((k) => terms.titleKeys.has(k))).map((x) => x.weight),
    ),
    shown,
    sponsored: isSponsored(item),
    section,
    sameSection,
    fields,
    fieldMatch: relation.relation,
    matchedField: relation.matched,
  };
}

// ---------------------------------------------------------------------------------------------
// Grading

/** The grader's thresholds; the defaults were fitted on the public labels (tests/tools/relevance-eval.ts). */
export interface RelevanceOptions {
  /** Shared weight at or above which an item is on the article's subject… */
  onScore: number;
  /** …provided one shared term is at least this heavy (a title word the text repeats). Such a term
   * also keeps an item in another field from being off, and a section named after it is the same desk. */
  onBest: number;
  /** Shared weight at or above which an item shares something real with the article. */
  shareScore: number;
  /** A block is a site-wide feed when fewer than this share of its items relate to the article. */
  feedShare: number;
  /** An article is in a field that scores at least this share of its best field… */
  fieldShare: number;
  /** …and at least this much (a title cue weighs 3, a lead cue 1, a body cue 0.3). */
  fieldMin: number;
  /** Weight kept by words too common to name a subject. */
  generalFactor: number;
  /** Weight kept by terms shared through the snippet, and the least article weight they need. */
  snippetShare: number;
  snippetMinWeight: number;
}

export const DEFAULT_RELEVANCE_OPTIONS: Readonly<RelevanceOptions> = Object.freeze({
  onScore: 4.5,
  onBest: 3,
  shareScore: 2,
  feedShare: 0.4,
  fieldShare: 0.3,
  fieldMin: 2,
  generalFactor: 0.35,
  snippetShare: 0.5,
  snippetMinWeight: 2,
});

/** Titles this alike (Dice of their words) are parts of one series. */
const SERIES_LIKE = 0.6;

/** Blocks this small are judged with the page's other items (too few to tell a feed from a list). */
const MIN_LIST_ITEMS = 3;

const MAX_TERMS = 3;

/**
 * A heading that announces the article's own section ("其他同一栏目内容", "More in Science"): its
 * items are on the same desk whatever their words.
 */
const SECTION_HEADING =
  /栏目|同类|本类|(?:^|\s)(?:more|other|latest) (?:articles |stories |news )?(?:in|from this section)\b|in this section|same category|même rubrique|dans la rubrique|mehr aus (?:dem|der) (?:ressort|rubrik)|más en la sección|mais na seção/i;

function gradeOne(ev: RelevanceEvidence, feed: boolean, o: RelevanceOptions, sectionHeading: string | null): Relevance {
  if (ev.sponsored) return { grade: 'off', reason: { kind: 'sponsored' } };
  const grade = gradeByWords(ev, feed, o);
  if (grade.grade === 'off' && sectionHeading) return { grade: 'near', reason: { kind: 'same-section', terms: [sectionHeading] } };
  return grade;
}

function gradeByWords(ev: RelevanceEvidence, feed: boolean, o: RelevanceOptions): Relevance {
  const terms = ev.shown.slice(0, MAX_TERMS);
  const field = ev.fields[0];
  if (ev.score >= o.onScore && ev.best >= o.onBest) return { grade: 'on', reason: { kind: 'shared', terms } };
  // the same title but for a number or a word or two: another part of a series
  if (ev.titleLike >= SERIES_LIKE) return { grade: 'on', reason: { kind: 'same-series' } };
  if (ev.fieldMatch === 'other') {
    // placed in another field: a shared keyword does not make it the same subject, unless it is
    // one of the article's key terms, or the item sits in a list whose items mostly relate
    if (ev.best >= o.onBest) return { grade: 'near', reason: { kind: 'shared', terms } };
    if (!feed)
      return ev.score > 0 ? { grade: 'near', reason: { kind: 'shared', terms } } : { grade: 'near', reason: { kind: 'same-list' } };
    if (ev.score > 0) return { grade: 'off', reason: { kind: 'keyword-only', terms, field: field.field } };
    return { grade: 'off', reason: { kind: 'different-topic', terms: field.cues.slice(0, MAX_TERMS), field: field.field } };
  }
  if (ev.score >= o.shareScore) return { grade: 'near', reason: { kind: 'shared', terms } };
  if (ev.sameSection) return { grade: 'near', reason: { kind: 'same-section', terms: [ev.section!] } };
  if (ev.fieldMatch === 'match') {
    const matched = ev.matchedField ?? field;
    return { grade: 'near', reason: { kind: 'same-field', terms: matched.cues.slice(0, MAX_TERMS), field: matched.field } };
  }
  if (!feed) return ev.score > 0 ? { grade: 'near', reason: { kind: 'shared', terms } } : { grade: 'near', reason: { kind: 'same-list' } };
  if (ev.score > 0) return { grade: 'off', reason: { kind: 'keyword-only', terms } };
  return { grade: 'off', reason: { kind: 'site-feed' } };
}

/** True when the item shares words with the article and is not placed in another field (for telling feeds from lists). */
function relates(ev: RelevanceEvidence, o: RelevanceOptions): boolean {
  if (ev.sponsored) return false;
  if (ev.best >= o.onBest || ev.titleLike >= SERIES_LIKE) return true;
  return ev.fieldMatch !== 'other' && (ev.score >= o.shareScore || ev.sameSection);
}

/** A site-wide feed: fewer than feedShare of the (unsponsored) items relate to the article. */
function isFeed(ev: RelevanceEvidence[], o: RelevanceOptions): boolean {
  const judged = ev.filter((e) => !e.sponsored);
  return judged.filter((e) => relates(e, o)).length < o.feedShare * judged.length;
}

/** Snippet words repeated across this share of a block's items (a source name, "Read more") are boilerplate. */
const BOILERPLATE_SHARE = 0.3;
const BOILERPLATE_MIN = 3;

function blockEvidence(block: RelatedBlock, terms: ArticleTerms, o: RelevanceOptions): RelevanceEvidence[] {
  const df = new Map<string, number>();
  for (const item of block.items) {
    if (!item.snippet) continue;
    for (const key of new Set(tokenize(normalise(item.snippet.slice(0, SNIPPET_LIMIT)), terms.lang).map((t) => t.key)))
      df.set(key, (df.get(key) ?? 0) + 1);
  }
  const limit = Math.max(BOILERPLATE_MIN, BOILERPLATE_SHARE * block.items.length);
  const boilerplate = new Set([...df].filter(([, n]) => n >= limit).map(([k]) => k));
  return block.items.map((i) => evidenceOf(i, terms, boilerplate, o));
}

/** Internal: the article's weighted terms and fields (diagnostics for tests/tools). */
export function articleProfile(article: RelevanceArticle, limit = 30): { terms: [string, number][]; fields: string[] } {
  const t = articleTerms(article, DEFAULT_RELEVANCE_OPTIONS);
  return { terms: [...t.weight].sort((a, b) => b[1] - a[1]).slice(0, limit), fields: [...t.fields] };
}

/** Internal: every item's evidence (diagnostics for tests/tools). */
export function relevanceEvidence(article: RelevanceArticle, blocks: RelatedBlock[]): RelevanceEvidence[][] {
  const terms = articleTerms(article, DEFAULT_RELEVANCE_OPTIONS);
  return blocks.map((b) => blockEvidence(b, terms, DEFAULT_RELEVANCE_OPTIONS));
}

/**
 * Grades every related item against the article. Returns copies of `blocks` whose items carry
 * `relevance`; the input is not changed. Items listed more than once (the same URL or the same
 * title) get the best of their grades.
 */
export function gradeRelated(
  article: RelevanceArticle,
  blocks: RelatedBlock[],
  options: Partial<RelevanceOptions> = {},
): RelatedBlock[] {
  const o: RelevanceOptions = { ...DEFAULT_RELEVANCE_OPTIONS, ...options };
  const terms = articleTerms(article, o);
  const evidence = blocks.map((b) => blockEvidence(b, terms, o));
  // A block too short to judge on its own is judged with the page's other items.
  const pageFeed = isFeed(evidence.flat(), o);
  const grades = evidence.map((ev, bi) => {
    const feed = ev.filter((e) => !e.sponsored).length >= MIN_LIST_ITEMS ? isFeed(ev, o) : pageFeed;
    const heading = blocks[bi].heading.trim();
    const sectionHeading = heading && SECTION_HEADING.test(heading) ? heading : null;
    return ev.map((e) => gradeOne(e, feed, o, sectionHeading));
  });
  // Duplicates: the same story listed twice gets its best grade everywhere.
  const rank: Record<RelevanceGrade, number> = { on: 2, near: 1, off: 0 };
  const best = new Map<string, Relevance>();
  const keysOf = (item: RelatedItem) => [`u:${item.url.replace(/#.*$/, '')}`, `t:${normalise(item.title).replace(/\s+/g, '')}`];
  blocks.forEach((b, bi) =>
    b.items.forEach((item, ii) => {
      const g = grades[bi][ii];
      for (const k of keysOf(item)) {
        const prev = best.get(k);
        if (!prev || rank[g.grade] > rank[prev.grade]) best.set(k, g);
      }
    }),
  );
  return blocks.map((b, bi) => ({
    ...b,
    items: b.items.map((item, ii) => {
      let g = grades[bi][ii];
      if (g.reason.kind !== 'sponsored')
        for (const k of keysOf(item)) {
          const other = best.get(k)!;
          if (rank[other.grade] > rank[g.grade]) g = other;
        }
      return { ...item, relevance: g };
    }),
  }));
}

/** English names of the fields, for describeReason. */
const FIELD_NAMES: Record<string, string> = {
  politics: 'politics',
  world: 'world news',
  hktw: 'Hong Kong and Taiwan',
  military: 'military',
  economy: 'economy',
  tech: 'technology',
  ai: 'AI',
  software: 'programming',
  hardware: 'hardware',
  science: 'science',
  environment: 'environment',
  health: 'health',
  society: 'society',
  entertainment: 'entertainment',
  sports: 'sports',
  autos: 'cars',
  history: 'history',
  weather: 'weather',
  culture: 'culture',
  lifestyle: 'lifestyle',
};

/** An English wording of a reason ("shares 政策, 新能源 with the article"); the UI may translate. */
export function describeReason(reason: RelevanceReason): string {
  const terms = (reason.terms ?? []).join(', ');
  const field = reason.field ? (FIELD_NAMES[reason.field] ?? reason.field) : '';
  switch (reason.kind) {
    case 'shared':
      return terms ? `shares ${terms} with the article` : 'shares words with the article';
    case 'same-section':
      return terms ? `same section (${terms})` : 'same section';
    case 'same-field':
      return field ? `same field (${field})` : 'same field';
    case 'same-list':
      return 'listed with related stories';
    case 'same-series':
      return 'same series';
    case 'keyword-only':
      return terms ? `only ${terms} in common` : 'only a word in common';
    case 'different-topic':
      return field ? `different topic (${field})` : 'different topic';
    case 'site-feed':
      return 'different topic (site-wide list)';
    case 'sponsored':
      return 'sponsored';
  }
}
