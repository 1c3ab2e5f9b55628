// The fields (news desks) and their cue words, as data: one table, longer than a file should be
// because it is one list a reader scans by desk (fields.ts builds its index once, lazily).

/**
 * The desks a portal splits its news into (../shared/corpus/RELEVANCE.md), with cue words per
 * language. CJK cues match as substrings; Latin cues as stemmed words, `word*` as a prefix and
 * `two_words` as a phrase. `ai`, `software` and `hardware` are parts of `tech`: a general tech
 * article is in all of them, an AI article is not in `software`.
 */
export const FIELD_CUES: Record<string, { cjk?: string; latin?: string }> = {
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
export const FIELD_PARENT: Record<string, string> = { ai: 'tech', software: 'tech', hardware: 'tech' };

/** English names of the fields, for describeReason (relevance/index.ts). */
export const FIELD_NAMES: Record<string, string> = {
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
