// Words of no topical weight, as data: Chinese function characters and bigrams, words too common
// to name a subject, and small stop-word lists per language (the grader's tokens.ts drops them).

/**
 * Chinese function characters: a bigram through one of them ("的架", "是由") is noise, so CJK runs
 * are cut at them. Hiragana cuts Japanese runs the same way (particles and endings).
 */
export const ZH_CUT = new Set('的了着是和与及或也都而被把这那们吗呢吧啊很又给其於在为从对将向让就还'.split(''));

/** A numeral and a measure word ("一块", "两名", "第三"): a count, not a subject. */
export const NUMERAL_MEASURE = /^[一二三四五六七八九十两几数百千万亿第每半多首][个块张片位名次年月日天条件项家岁人种只场届期批轮部篇些]$/;

/** Chinese bigrams of no topical weight. */
export const ZH_STOP = new Set(
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
export const CJK_GENERAL = new Set(
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

export function isStopWord(key: string, lang: string): boolean {
  if (STOP_ANY.has(key)) return true;
  const set = STOP_SETS[lang];
  // a language without a list: its one- and two-letter words are mostly function words
  return set ? set.has(key) : key.length <= 2 && !/[\d]/.test(key) && lang !== 'zh' && lang !== 'ja' && lang !== '';
}

/** English words of every field: they count, but too little to make a shared subject alone. */
export const EN_GENERAL_WORDS =
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
