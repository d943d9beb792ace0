/**
 * Name parts for the synthetic test population: 'native:latin' (native script where the name has
 * one), per region, with the nationality it goes with. Test support only.
 */

export interface Region {
  nationality: string;
  /** given names, 'native:latin' or plain latin */
  given: string[];
  /** optional middle names or patronymics */
  middle?: string[];
  surnames: string[];
  /** Chinese order: surname first, written without a space in the native script */
  surnameFirst?: boolean;
}

const split = (s: string) => s.trim().split(/\s+/);

export const REGIONS: Region[] = [
  {
    nationality: 'TH',
    given: split(`สมชาย:Somchai สมศักดิ์:Somsak สุภาพร:Supaporn กาญจนา:Kanchana อนุชา:Anucha ประเสริฐ:Prasert
      วิชัย:Wichai สมพร:Somporn นิพนธ์:Niphon ธนากร:Thanakorn ชัยวัฒน์:Chaiwat สุนทร:Sunthorn มาลี:Malee
      อรุณ:Arun สุดารัตน์:Sudarat เพ็ญศรี:Pensri ปราณี:Pranee บุญชู:Boonchu สมหญิง:Somying ไพโรจน์:Phairot`),
    surnames: split(`วัฒนา:Wattana ศรีสุข:Srisuk สุขสวัสดิ์:Suksawat บุญมา:Boonma แก้วมณี:Kaewmanee จันทร์เพ็ญ:Chanpen
      ทองดี:Thongdee รัตนพันธ์:Rattanaphan พรหมมา:Promma ศรีวงศ์:Sriwong`),
  },
  {
    nationality: 'RU',
    given: split(`Сергей:Sergei Иван:Ivan Дмитрий:Dmitry Алексей:Alexei Ольга:Olga Наталья:Natalia Екатерина:Ekaterina
      Юлия:Yulia Михаил:Mikhail Андрей:Andrei Татьяна:Tatiana Николай:Nikolai`),
    middle: split(`Петрович:Petrovich Иванович:Ivanovich Сергеевич:Sergeevich Андреевна:Andreevna`),
    surnames: split(`Иванов:Ivanov Смирнов:Smirnov Кузнецов:Kuznetsov Попов:Popov Соколов:Sokolov Лебедев:Lebedev
      Козлов:Kozlov Новиков:Novikov Морозов:Morozov Петров:Petrov Волков:Volkov Васильев:Vasiliev Зайцев:Zaitsev`),
  },
  {
    nationality: 'CN',
    surnameFirst: true,
    given: split(`伟:Wei 芳:Fang 娜:Na 敏:Min 静:Jing 丽:Li 强:Qiang 磊:Lei 军:Jun 洋:Yang 勇:Yong 艳:Yan 杰:Jie
      涛:Tao 明:Ming 超:Chao 秀英:Xiuying 桂英:Guiying 建华:Jianhua 志强:Zhiqiang 海燕:Haiyan 小红:Xiaohong 国庆:Guoqing`),
    surnames: split(`王:Wang 李:Li 张:Zhang 刘:Liu 陈:Chen 杨:Yang 黄:Huang 赵:Zhao 吴:Wu 周:Zhou 徐:Xu 孙:Sun 马:Ma
      朱:Zhu 胡:Hu 郭:Guo 何:He 林:Lin 罗:Luo 高:Gao`),
  },
  {
    nationality: 'VN',
    surnameFirst: true,
    given: split(
      `An Anh Bình Cường Dũng Hà Hải Hạnh Hùng Hương Khánh Lan Linh Long Mai Nam Phúc Quân Thảo Trang Tuấn Việt`,
    ),
    middle: split(`Văn Thị Đức Minh Hữu Ngọc`),
    surnames: split(`Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương`),
  },
  {
    nationality: 'EG',
    given: split(`محمد:Mohammed أحمد:Ahmed علي:Ali حسن:Hassan خالد:Khalid عمر:Omar يوسف:Youssef إبراهيم:Ibrahim
      فاطمة:Fatima عائشة:Aisha مريم:Maryam سارة:Sara زينب:Zainab مصطفى:Mustafa كريم:Karim سعيد:Saeed`),
    surnames: split(`حسين:Hussein منصور:Mansour سليمان:Suleiman صالح:Saleh ناصر:Nasser عثمان:Othman خليل:Khalil
      إبراهيم:Ibrahim يوسف:Youssef`),
  },
  {
    nationality: 'PH',
    given: split(`Maria Jose Juan Angelica Mark John Cristina Joy Rodel Jerome Liza Marites`),
    middle: split(`Dela Santos Reyes`),
    surnames: split(`Santos Reyes Cruz Bautista Garcia Mendoza Torres Flores Villanueva Ramos Aquino Castillo`),
  },
  {
    nationality: 'IN',
    given: split(`Rahul Priya Amit Sunita Ravi Anjali Vikram Deepak Pooja Suresh Lakshmi Arjun`),
    surnames: split(`Sharma Patel Singh Kumar Gupta Reddy Nair Das Iyer Chopra Mehta Joshi`),
  },
  {
    nationality: 'ID',
    given: split(`Budi Siti Agus Dewi Rizky Putri Eko Sri Wahyu Indah`),
    surnames: split(`Santoso Wijaya Saputra Hidayat Pratama Kurniawan Setiawan Nugroho`),
  },
  {
    nationality: 'KE',
    given: split(`Wanjiru Otieno Chinedu Ngozi Oluwaseun Amina Kamau Achieng Emeka Fatuma`),
    surnames: split(`Okafor Adeyemi Mwangi Ochieng Eze Kariuki Njoroge Okonkwo Onyango Balogun`),
  },
  {
    nationality: 'BR',
    given: split(`Carlos Luis Ana Sofia Diego Camila Mateus Gabriela Rafael Juliana`),
    middle: split(`Maria Eduardo Henrique`),
    surnames: split(`Rodriguez Gonzalez Hernandez Lopez Martinez Perez Silva Souza Oliveira Pereira`),
  },
];

/** Names recruiters give themselves or that appear on forged papers. */
export const ALIASES = split(`Tony Jack Alex Leo Kevin Bobby Nana Lucky Ben Sam Coco Max Mimi Andy Boss Kim`);
