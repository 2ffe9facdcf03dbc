import { type TechnologyArea } from './types.ts';

/**
 * Word and syllable lists that names are composed from. Cities are real (where a firm registers);
 * brands, places of the public-security hierarchy, people and products are invented combinations.
 */

/** [Chinese, pinyin] */
export type Syllable = readonly [string, string];

export const CN_CITIES: readonly Syllable[] = [
  ['北京', 'Beijing'],
  ['上海', 'Shanghai'],
  ['深圳', 'Shenzhen'],
  ['广州', 'Guangzhou'],
  ['杭州', 'Hangzhou'],
  ['南京', 'Nanjing'],
  ['武汉', 'Wuhan'],
  ['成都', 'Chengdu'],
  ['西安', "Xi'an"],
  ['天津', 'Tianjin'],
  ['重庆', 'Chongqing'],
  ['苏州', 'Suzhou'],
  ['厦门', 'Xiamen'],
  ['青岛', 'Qingdao'],
  ['大连', 'Dalian'],
  ['长沙', 'Changsha'],
  ['郑州', 'Zhengzhou'],
  ['合肥', 'Hefei'],
  ['济南', 'Jinan'],
  ['福州', 'Fuzhou'],
  ['昆明', 'Kunming'],
  ['乌鲁木齐', 'Urumqi'],
  ['沈阳', 'Shenyang'],
  ['哈尔滨', 'Harbin'],
  ['南宁', 'Nanning'],
  ['宁波', 'Ningbo'],
  ['无锡', 'Wuxi'],
  ['东莞', 'Dongguan'],
  ['珠海', 'Zhuhai'],
  ['石家庄', 'Shijiazhuang'],
];

/** Characters common in Chinese brand and place names. */
export const CN_SYLLABLES: readonly Syllable[] = [
  ['华', 'hua'],
  ['信', 'xin'],
  ['达', 'da'],
  ['通', 'tong'],
  ['安', 'an'],
  ['盛', 'sheng'],
  ['泰', 'tai'],
  ['恒', 'heng'],
  ['联', 'lian'],
  ['创', 'chuang'],
  ['智', 'zhi'],
  ['海', 'hai'],
  ['天', 'tian'],
  ['中', 'zhong'],
  ['宇', 'yu'],
  ['博', 'bo'],
  ['瑞', 'rui'],
  ['鑫', 'xin'],
  ['远', 'yuan'],
  ['康', 'kang'],
  ['凯', 'kai'],
  ['捷', 'jie'],
  ['航', 'hang'],
  ['星', 'xing'],
  ['辰', 'chen'],
  ['宏', 'hong'],
  ['光', 'guang'],
  ['明', 'ming'],
  ['新', 'xin'],
  ['金', 'jin'],
  ['汇', 'hui'],
  ['嘉', 'jia'],
  ['威', 'wei'],
  ['立', 'li'],
  ['升', 'sheng'],
  ['腾', 'teng'],
  ['飞', 'fei'],
  ['锐', 'rui'],
  ['云', 'yun'],
  ['启', 'qi'],
  ['正', 'zheng'],
  ['和', 'he'],
  ['顺', 'shun'],
  ['峰', 'feng'],
  ['景', 'jing'],
  ['润', 'run'],
  ['东', 'dong'],
  ['平', 'ping'],
  ['阳', 'yang'],
  ['川', 'chuan'],
];

/** [Chinese, English, pinyin] of a company's line of business. */
export const CN_INDUSTRIES: ReadonlyArray<readonly [string, string, string]> = [
  ['科技', 'Technology', 'Keji'],
  ['电子', 'Electronics', 'Dianzi'],
  ['贸易', 'Trading', 'Maoyi'],
  ['信息技术', 'Information Technology', 'Xinxi Jishu'],
  ['智能科技', 'Intelligent Technology', 'Zhineng Keji'],
  ['安防科技', 'Security Technology', 'Anfang Keji'],
  ['网络科技', 'Network Technology', 'Wangluo Keji'],
  ['数码科技', 'Digital Technology', 'Shuma Keji'],
  ['系统集成', 'Systems Integration', 'Xitong Jicheng'],
  ['光电', 'Optoelectronics', 'Guangdian'],
  ['通信', 'Communications', 'Tongxin'],
  ['仪器', 'Instruments', 'Yiqi'],
  ['软件', 'Software', 'Ruanjian'],
  ['进出口', 'Import and Export', 'Jinchukou'],
];

export const CN_COMPANY_FORMS: ReadonlyArray<readonly [string, string, string]> = [
  ['有限公司', 'Co., Ltd.', 'Youxian Gongsi'],
  ['股份有限公司', 'Co., Ltd.', 'Gufen Youxian Gongsi'],
  ['有限责任公司', 'Co., Ltd.', 'Youxian Zeren Gongsi'],
];

export const CN_SURNAMES: readonly Syllable[] = [
  ['王', 'Wang'],
  ['李', 'Li'],
  ['张', 'Zhang'],
  ['刘', 'Liu'],
  ['陈', 'Chen'],
  ['杨', 'Yang'],
  ['黄', 'Huang'],
  ['赵', 'Zhao'],
  ['吴', 'Wu'],
  ['周', 'Zhou'],
  ['徐', 'Xu'],
  ['孙', 'Sun'],
  ['马', 'Ma'],
  ['朱', 'Zhu'],
  ['胡', 'Hu'],
  ['郭', 'Guo'],
  ['何', 'He'],
  ['林', 'Lin'],
  ['高', 'Gao'],
  ['罗', 'Luo'],
];

export const US_NAME_HEADS = [
  'North',
  'Blue',
  'Silver',
  'Red',
  'Iron',
  'Clear',
  'Bright',
  'Summit',
  'Pacific',
  'Granite',
  'Cedar',
  'Eagle',
  'Falcon',
  'Harbor',
  'Liberty',
  'Pioneer',
  'Quantum',
  'Vector',
  'Apex',
  'Crest',
  'Delta',
  'Frontier',
  'Golden',
  'Keystone',
  'Meridian',
  'Nova',
  'Orion',
  'Prairie',
  'Sierra',
  'Titan',
] as const;

export const US_NAME_TAILS = [
  'wind',
  'field',
  'point',
  'gate',
  'bridge',
  'brook',
  'view',
  'line',
  'stone',
  'peak',
  'wave',
  'star',
  'light',
  'path',
  'core',
  'works',
] as const;

/** [English sector word, Chinese, technology area]: what a US manufacturer makes. */
export const US_SECTORS: ReadonlyArray<readonly [string, string, TechnologyArea]> = [
  ['Data Systems', '数据', 'data-storage'],
  ['Storage', '存储', 'data-storage'],
  ['Imaging', '成像', 'thermal-imaging'],
  ['Infrared', '红外', 'thermal-imaging'],
  ['Optics', '光学', 'optics'],
  ['Photonics', '光子', 'optics'],
  ['Video', '视频', 'surveillance'],
  ['Sensors', '传感', 'surveillance'],
  ['Networks', '网络', 'network-infrastructure'],
  ['Security', '安全', 'cybersecurity'],
  ['Genomics', '基因', 'dna-analysis'],
  ['Biosystems', '生物', 'dna-analysis'],
  ['Forensics', '取证', 'digital-forensics'],
  ['Avionics', '航电', 'aviation'],
  ['Signals', '信号', 'counter-surveillance'],
];

export const US_FORMS = ['Inc.', 'Corp.', 'Corporation', 'Technologies Inc.', 'LLC', 'Holdings Inc.'] as const;

/** Characters Chinese uses to transliterate foreign brand names. */
export const TRANSLITERATION = [
  '诺',
  '斯',
  '温',
  '德',
  '科',
  '瑞',
  '安',
  '迪',
  '泰',
  '森',
  '维',
  '尔',
  '克',
  '莱',
  '普',
  '特',
  '艾',
  '贝',
  '福',
  '格',
  '罗',
  '卡',
  '兰',
] as const;

export const US_FIRST_NAMES = [
  'James',
  'Mary',
  'Robert',
  'Linda',
  'Michael',
  'Susan',
  'David',
  'Karen',
  'Daniel',
  'Nancy',
  'Mark',
  'Laura',
  'Steven',
  'Emily',
  'Paul',
  'Rachel',
] as const;

export const US_LAST_NAMES = [
  'Carter',
  'Hughes',
  'Bennett',
  'Foster',
  'Sullivan',
  'Reed',
  'Porter',
  'Hayes',
  'Wallace',
  'Griffin',
  'Barnes',
  'Coleman',
  'Russell',
  'Palmer',
  'Warren',
  'Ellis',
] as const;

export const PERSON_TITLES = [
  'General Manager',
  'Sales Director',
  'Legal Representative',
  'Chief Engineer',
  'Procurement Officer',
  'Deputy Director',
  'Chairman',
] as const;

/** [English, Chinese] product types per technology area. */
export const PRODUCT_TYPES: Record<TechnologyArea, ReadonlyArray<readonly [string, string]>> = {
  'data-storage': [
    ['Hard Disk Drive', '硬盘'],
    ['Solid State Drive', '固态硬盘'],
    ['Storage Array', '存储阵列'],
  ],
  'thermal-imaging': [
    ['Thermal Camera', '热成像摄像机'],
    ['Infrared Core', '红外机芯'],
  ],
  optics: [
    ['Zoom Lens', '变焦镜头'],
    ['Image Sensor', '图像传感器'],
  ],
  surveillance: [
    ['Network Video Recorder', '网络录像机'],
    ['IP Camera', '网络摄像机'],
    ['Video Analytics Server', '视频分析服务器'],
  ],
  cybersecurity: [
    ['Firewall', '防火墙'],
    ['Intrusion Detection Appliance', '入侵检测设备'],
  ],
  'network-infrastructure': [
    ['Core Switch', '核心交换机'],
    ['Router', '路由器'],
  ],
  'dna-analysis': [
    ['DNA Sequencer', '基因测序仪'],
    ['Genetic Analyzer', '遗传分析仪'],
  ],
  'digital-forensics': [
    ['Mobile Forensic Kit', '手机取证设备'],
    ['Disk Imager', '硬盘复制机'],
  ],
  aviation: [
    ['Flight Controller', '飞控系统'],
    ['Drone Gimbal', '无人机云台'],
  ],
  'counter-surveillance': [
    ['Signal Detector', '信号探测器'],
    ['RF Analyzer', '射频分析仪'],
  ],
};

/** [English, Chinese] trade fairs; a year is appended. */
export const EXPOS: ReadonlyArray<readonly [string, string]> = [
  ['Public Security Expo', '社会公共安全产品博览会'],
  ['Police Equipment Fair', '警用装备博览会'],
  ['Smart City Security Forum', '智慧城市安防论坛'],
  ['Border Security Exhibition', '边境安全展览会'],
];
