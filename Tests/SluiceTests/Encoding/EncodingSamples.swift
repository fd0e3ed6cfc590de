#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Texts in several languages (written for these tests) and an iconv encoder to turn them
/// into legacy-encoded bytes: TextConverter only converts to UTF-8.
enum EncodingSamples {
    static let russian = """
        Вчера вечером мы долго гуляли по старому городу и разговаривали о книгах, которые читали в детстве.
        Потом зашли в маленькое кафе, где подавали горячий чай с вареньем и свежие пироги с капустой.
        Хозяин рассказал нам историю этого дома: его построили больше ста лет назад, и с тех пор он почти не изменился.
        """
    static let ukrainian = """
        Учора ввечері ми довго гуляли старим містом і розмовляли про книжки, які читали в дитинстві.
        Потім зайшли до невеличкої кав'ярні, де подавали гарячий чай із варенням і свіжі пиріжки з капустою.
        Господар розповів нам історію цього будинку: його збудували понад сто років тому, і відтоді він майже не змінився.
        Їжачок ґав не ловив, а єнот їв ягоди.
        """
    static let japanese = """
        昨日の夕方、私たちは古い町をゆっくり歩きながら、子供のころに読んだ本について話しました。
        それから小さな喫茶店に入り、温かいお茶と焼きたてのお菓子をいただきました。
        店の主人はこの建物の歴史を教えてくれました。百年以上前に建てられ、それ以来ほとんど変わっていないそうです。
        """
    static let korean = """
        어제 저녁 우리는 오래된 시내를 천천히 걸으며 어린 시절에 읽었던 책에 대해 이야기했습니다.
        그 다음 작은 찻집에 들어가 따뜻한 차와 갓 구운 과자를 먹었습니다.
        주인은 이 건물의 역사를 들려주었는데, 백 년도 더 전에 지어졌고 그 뒤로 거의 바뀌지 않았다고 합니다.
        """
    static let simplifiedChinese = """
        昨天晚上我们在老城里散步了很久，谈论小时候读过的书。
        后来我们走进一家小茶馆，喝了热茶，吃了刚出炉的点心。
        老板给我们讲了这座房子的历史：它建于一百多年前，从那以后几乎没有变化。
        """
    static let traditionalChinese = """
        昨天晚上我們在老城裡散步了很久，談論小時候讀過的書。
        後來我們走進一家小茶館，喝了熱茶，吃了剛出爐的點心。
        老闆給我們講了這座房子的歷史：它建於一百多年前，從那以後幾乎沒有變化。
        """
    static let polish = """
        Wczoraj wieczorem długo spacerowaliśmy po starym mieście i rozmawialiśmy o książkach z dzieciństwa.
        Później weszliśmy do małej kawiarni, gdzie podawano gorącą herbatę i świeże ciasto z jabłkami.
        Właściciel opowiedział nam historię tego domu: zbudowano go ponad sto lat temu i od tej pory prawie się nie zmienił.
        Źródło żółwia leży na łące.
        """
    static let lithuanian = """
        Vakar vakare ilgai vaikščiojome po senamiestį ir kalbėjomės apie knygas, kurias skaitėme vaikystėje.
        Paskui užėjome į mažą kavinę, kur patiekė karštos arbatos ir šviežių pyragų su obuoliais.
        Šeimininkas papasakojo šio namo istoriją: jis pastatytas daugiau nei prieš šimtą metų ir nuo to laiko beveik nepasikeitė.
        „Žąsys“ – sakė jis.
        """
    static let turkish = """
        Dün akşam eski şehirde uzun uzun yürüdük ve çocukluğumuzda okuduğumuz kitaplar hakkında konuştuk.
        Sonra küçük bir kafeye girdik; orada sıcak çay ve taze ekmek verdiler.
        Dükkân sahibi bize bu evin tarihini anlattı: yüz yıldan uzun zaman önce yapılmış ve o zamandan beri neredeyse hiç değişmemiş.
        """
    static let greek = """
        Χθες το βράδυ περπατήσαμε πολλή ώρα στην παλιά πόλη και μιλήσαμε για τα βιβλία που διαβάζαμε ως παιδιά.
        Μετά μπήκαμε σε ένα μικρό καφενείο, όπου μας σέρβιραν ζεστό τσάι και φρέσκα γλυκά.
        Ο ιδιοκτήτης μας είπε την ιστορία του σπιτιού: χτίστηκε πριν από περισσότερα από εκατό χρόνια.
        Άνοιξη στην Αθήνα, Έλληνες και Ώρες.
        """

    /// `text` in `encoding` through iconv; nil when iconv cannot carry it.
    static func encode(_ text: String, to encoding: String) -> [UInt8]? {
        let cd = iconv_open(encoding, "UTF-8")
        guard let cd, cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 64)
        let produced: Int? = input.withUnsafeMutableBytes { ib in
            output.withUnsafeMutableBytes { ob -> Int? in
                var inPtr: UnsafeMutablePointer<CChar>? = ib.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = ib.count
                var outPtr: UnsafeMutablePointer<CChar>? = ob.baseAddress!.assumingMemoryBound(to: CChar.self)
                var outLeft = ob.count
                if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 { return nil }
                // Close a stateful encoding's shift sequence (ISO-2022).
                if iconv(cd, nil, nil, &outPtr, &outLeft) == -1 { return nil }
                return ob.count - outLeft
            }
        }
        guard let produced else { return nil }
        return Array(output[..<produced])
    }
}
