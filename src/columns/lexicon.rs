//! The header lexicon: the words budget files in Korean, English, Spanish,
//! French, German, Portuguese, Italian, Dutch, Polish, Czech, Hungarian,
//! Romanian, Russian, Ukrainian, Turkish, Indonesian, Vietnamese, Japanese
//! and Chinese use for what a column holds, as one table of data. Each row is a
//! word, what it means and its language; the first row that matches wins,
//! so the more specific words stand first. Add a language or a word by
//! adding rows.
//!
//! Latin-script words are matched against the header's words (split at
//! spaces, punctuation and camelCase: `ProgramID` → `program`, `id`); a
//! word ending in `*` matches any word it begins (`appropriat*`), and a
//! word with a space matches consecutive words (`prior year`). Korean has
//! no spaces inside compounds (`전년도당초금액`), nor have Japanese and
//! Chinese (`予算現額`, `调整预算数`), so a Hangul, kana or Han word is
//! matched anywhere in the header.

use super::Role;
use crate::unit::bracketed;

/// What a header word says of its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    /// An amount with this role.
    Role(Role),
    /// Money with no stated role (`금액`, `Amount`, `Importe`): an adopted budget
    /// unless a year or phase column says otherwise.
    Money,
    /// A percentage: 집행률, rate, share, porcentaje.
    Rate,
    /// A code or identifier: never an amount.
    Code,
    /// The fiscal year.
    Year,
    /// Remarks and free text: not a level of the hierarchy.
    Note,
    /// A count of people (Population) or households (Households).
    Count(Role),
    /// A level of a budget classification (Capítulo, Artículo, Concepto,
    /// Fund, Object): numbers under it are codes, text is a level's names.
    Classification,
}

/// One row of the lexicon.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub word: &'static str,
    pub meaning: Meaning,
    /// ISO 639-1 code of the word's language.
    pub lang: &'static str,
}

const fn e(word: &'static str, meaning: Meaning, lang: &'static str) -> Entry {
    Entry {
        word,
        meaning,
        lang,
    }
}

use Meaning::{Classification, Code, Money, Note, Rate, Year};
const ADOPTED: Meaning = Meaning::Role(Role::Adopted);
const CURRENT: Meaning = Meaning::Role(Role::Current);
const EXECUTED: Meaning = Meaning::Role(Role::Executed);
const UNSPENT: Meaning = Meaning::Role(Role::Unspent);
const CARRIED_IN: Meaning = Meaning::Role(Role::CarriedIn);
const CARRIED_OUT: Meaning = Meaning::Role(Role::CarriedOut);
const CHANGE: Meaning = Meaning::Role(Role::Change);
const DIFFERENCE: Meaning = Meaning::Role(Role::Difference);
const PREVIOUS: Meaning = Meaning::Role(Role::Previous);
const PROPOSED: Meaning = Meaning::Role(Role::Proposed);
const FINAL: Meaning = Meaning::Role(Role::Final);
const SUPPLEMENTARY: Meaning = Meaning::Role(Role::Supplementary);
const PROJECTED: Meaning = Meaning::Role(Role::Projected);
const PEOPLE: Meaning = Meaning::Count(Role::Population);
const HOUSEHOLDS: Meaning = Meaning::Count(Role::Households);

/// The lexicon, most specific first.
pub const LEXICON: &[Entry] = &[
    // Rates first: `집행률` is a rate, not an executed amount.
    e("률", Rate, "ko"),
    e("율", Rate, "ko"),
    e("비중", Rate, "ko"),
    e("구성비", Rate, "ko"),
    e("%", Rate, "und"),
    e("*100", Rate, "und"),
    e("rate", Rate, "en"),
    e("share", Rate, "en"),
    e("percent*", Rate, "en"),
    e("pct", Rate, "en"),
    e("ratio", Rate, "en"),
    e("porcentaje", Rate, "es"),
    e("tasa", Rate, "es"),
    e("taux", Rate, "fr"),
    e("pourcentage", Rate, "fr"),
    e("anteil", Rate, "de"),
    e("quote", Rate, "de"),
    e("prozent", Rate, "de"),
    e("taxa", Rate, "pt"),
    e("percentual", Rate, "pt"),
    e("percentuale", Rate, "it"),
    e("tasso", Rate, "it"),
    e("процент*", Rate, "ru"),
    e("доля", Rate, "ru"),
    e("відсот*", Rate, "uk"),
    e("питома вага", Rate, "uk"),
    e("procent*", Rate, "pl"),
    e("wskaźnik*", Rate, "pl"),
    e("udział", Rate, "pl"),
    e("plnění", Rate, "cs"),
    e("podíl", Rate, "cs"),
    e("arány", Rate, "hu"),
    e("percentage", Rate, "nl"),
    e("aandeel", Rate, "nl"),
    e("persentase", Rate, "id"),
    e("oran*", Rate, "tr"),
    e("payı", Rate, "tr"),
    e("tỷ lệ", Rate, "vi"),
    e("tỷ trọng", Rate, "vi"),
    e("率", Rate, "ja"),
    e("構成比", Rate, "ja"),
    e("占比", Rate, "zh"),
    e("比重", Rate, "zh"),
    // Codes and identifiers.
    e("코드", Code, "ko"),
    e("번호", Code, "ko"),
    e("순번", Code, "ko"),
    e("연번", Code, "ko"),
    e("순위", Code, "ko"),
    e("code", Code, "en"),
    e("codes", Code, "en"),
    e("id", Code, "en"),
    e("ids", Code, "en"),
    e("no", Code, "en"),
    e("nr", Code, "en"),
    e("number", Code, "en"),
    e("num", Code, "en"),
    e("key", Code, "en"),
    e("código", Code, "es"),
    e("codigo", Code, "es"),
    e("clave", Code, "es"),
    e("número", Code, "es"),
    e("numero", Code, "es"),
    e("nº", Code, "es"),
    e("код", Code, "ru"),
    // Ukraine's classification codes: КПКВК (programme), КЕКВ (economic),
    // КФКВК (functional).
    e("кпквк", Code, "uk"),
    e("кпквмб", Code, "uk"),
    e("кекв", Code, "uk"),
    e("кфквк", Code, "uk"),
    e("ктпквмб", Code, "uk"),
    e("kod", Code, "pl"),
    e("kód", Code, "cs"),
    e("kód", Code, "hu"),
    e("cod", Code, "ro"),
    e("kode", Code, "id"),
    e("kodu", Code, "tr"),
    // `STT` (số thứ tự): the row's ordinal, `A`, `I`, `1`, `1.1`.
    e("stt", Code, "vi"),
    e("mã", Code, "vi"),
    e("mã số", Code, "vi"),
    e("numéro", Code, "fr"),
    e("nummer", Code, "de"),
    e("kennziffer", Code, "de"),
    e("codice", Code, "it"),
    e("コード", Code, "ja"),
    e("番号", Code, "ja"),
    e("编码", Code, "zh"),
    e("代码", Code, "zh"),
    e("编号", Code, "zh"),
    // Traditional Chinese (Taiwan, Hong Kong): 編碼, 代碼, 編號.
    e("編碼", Code, "zh"),
    e("代碼", Code, "zh"),
    e("編號", Code, "zh"),
    // Levels of a classification: numbers under them are codes.
    e("capítulo", Classification, "es"),
    e("capitulo", Classification, "es"),
    e("artículo", Classification, "es"),
    e("articulo", Classification, "es"),
    e("concepto", Classification, "es"),
    e("subconcepto", Classification, "es"),
    e("partida", Classification, "es"),
    e("sección", Classification, "es"),
    e("fund", Classification, "en"),
    e("object", Classification, "en"),
    e("account", Classification, "en"),
    e("function", Classification, "en"),
    e("einzelplan", Classification, "de"),
    e("kapitel", Classification, "de"),
    e("titel", Classification, "de"),
    // Poland's classification: Dział › Rozdział › Paragraf.
    e("dział", Classification, "pl"),
    e("rozdział", Classification, "pl"),
    e("paragraf", Classification, "pl"),
    // Czech: Paragraf (function) and Položka (economic item).
    e("položka", Classification, "cs"),
    e("=rovat", Classification, "hu"),
    // Russia's and Ukraine's: Раздел › Подраздел, Целевая статья, Вид расходов.
    e("раздел", Classification, "ru"),
    e("подраздел", Classification, "ru"),
    e("целевая статья", Classification, "ru"),
    e("вид расходов", Classification, "ru"),
    e("розділ", Classification, "uk"),
    // Vietnam's: Chương › Loại › Khoản › Mục › Tiểu mục.
    e("=chương", Classification, "vi"),
    e("=loại", Classification, "vi"),
    e("=khoản", Classification, "vi"),
    e("=mục", Classification, "vi"),
    e("=tiểu mục", Classification, "vi"),
    // India's accounts: Major Head 2202 › Minor Head › Sub Head › ….
    e("major head", Classification, "en"),
    e("minor head", Classification, "en"),
    e("sub head", Classification, "en"),
    e("subhead", Classification, "en"),
    e("detailed head", Classification, "en"),
    e("object head", Classification, "en"),
    e("konto", Classification, "de"),
    e("produkt*", Classification, "de"),
    e("haushaltsstelle", Classification, "de"),
    e("gruppierung", Classification, "de"),
    // The French accounts (compte administratif) are what was spent.
    e("compte administratif", EXECUTED, "fr"),
    e("compte", Classification, "fr"),
    e("chapitre", Classification, "fr"),
    e("article", Classification, "fr"),
    e("nature", Classification, "fr"),
    e("rubrica", Classification, "pt"),
    e("capitolo", Classification, "it"),
    e("=款", Classification, "ja"),
    e("=項", Classification, "ja"),
    e("=目", Classification, "ja"),
    e("=節", Classification, "ja"),
    e("=项", Classification, "zh"),
    e("=类", Classification, "zh"),
    e("=款名", Classification, "ja"),
    e("=項名", Classification, "ja"),
    e("=目名", Classification, "ja"),
    e("科目", Classification, "ja"),
    // The year: only a header that is nothing but the word (`=`), since
    // `전년도예산` and `Prior Year Actual` are amounts.
    e("=회계연도", Year, "ko"),
    e("=예산연도", Year, "ko"),
    e("=기준연도", Year, "ko"),
    e("=회계년도", Year, "ko"),
    e("=연도", Year, "ko"),
    e("=년도", Year, "ko"),
    e("=fiscal year", Year, "en"),
    e("=budget year", Year, "en"),
    e("=year", Year, "en"),
    e("=fy", Year, "en"),
    e("=año", Year, "es"),
    e("=ano", Year, "es"),
    e("=ejercicio", Year, "es"),
    e("=año fiscal", Year, "es"),
    e("=exercice", Year, "fr"),
    e("=année", Year, "fr"),
    e("=annee", Year, "fr"),
    e("=haushaltsjahr", Year, "de"),
    e("=jahr", Year, "de"),
    e("=exercício", Year, "pt"),
    e("=exercicio", Year, "pt"),
    e("=anno", Year, "it"),
    e("=esercizio", Year, "it"),
    e("=jaar", Year, "nl"),
    e("=boekjaar", Year, "nl"),
    e("=rok", Year, "pl"),
    e("=rok budżetowy", Year, "pl"),
    e("=év", Year, "hu"),
    e("=an", Year, "ro"),
    e("=год", Year, "ru"),
    e("=финансовый год", Year, "ru"),
    e("=рік", Year, "uk"),
    e("=бюджетний рік", Year, "uk"),
    e("=yıl", Year, "tr"),
    e("=mali yıl", Year, "tr"),
    e("=tahun", Year, "id"),
    e("=tahun anggaran", Year, "id"),
    e("=năm", Year, "vi"),
    e("=年度", Year, "ja"),
    e("=会計年度", Year, "ja"),
    e("=予算年度", Year, "ja"),
    e("=年份", Year, "zh"),
    e("=预算年度", Year, "zh"),
    e("=預算年度", Year, "zh"),
    // Roles, the most specific first.
    e("예산현액", CURRENT, "ko"),
    e("current budget", CURRENT, "en"),
    e("amended", CURRENT, "en"),
    e("amendment*", CURRENT, "en"),
    e("revised", CURRENT, "en"),
    e("modified", CURRENT, "en"),
    e("adjusted", CURRENT, "en"),
    e("modificado", CURRENT, "es"),
    e("ajustado", CURRENT, "es"),
    e("vigente", CURRENT, "es"),
    e("actualizado", CURRENT, "es"),
    e("definitiv*", CURRENT, "es"),
    e("crédits ouverts", CURRENT, "fr"),
    e("fortgeschrieben*", CURRENT, "de"),
    e("atualizad*", CURRENT, "pt"),
    e("assestat*", CURRENT, "it"),
    e("gewijzigd*", CURRENT, "nl"),
    e("na wijziging", CURRENT, "nl"),
    e("po zmianach", CURRENT, "pl"),
    e("po změnách", CURRENT, "cs"),
    e("upraven*", CURRENT, "cs"),
    e("módosított", CURRENT, "hu"),
    e("rectificat*", CURRENT, "ro"),
    // `Уточненный план`, `Уточнений план`, `з урахуванням змін` (with the
    // changes), `с учетом изменений`.
    e("уточн*", CURRENT, "ru"),
    e("урахуванням змін", CURRENT, "uk"),
    e("учетом изменений", CURRENT, "ru"),
    e("perubahan", CURRENT, "id"),
    e("revize", CURRENT, "tr"),
    e("điều chỉnh", CURRENT, "vi"),
    e("予算現額", CURRENT, "ja"),
    e("現計", CURRENT, "ja"),
    e("调整预算", CURRENT, "zh"),
    e("调整后", CURRENT, "zh"),
    e("집행잔액", UNSPENT, "ko"),
    e("잔액", UNSPENT, "ko"),
    e("불용액", UNSPENT, "ko"),
    e("unspent", UNSPENT, "en"),
    e("unexpended", UNSPENT, "en"),
    e("disponible*", UNSPENT, "fr"),
    // `Неисполненные назначения`: appropriations not executed.
    e("неисполн*", UNSPENT, "ru"),
    e("невикон*", UNSPENT, "uk"),
    e("залишок", UNSPENT, "uk"),
    e("остаток", UNSPENT, "ru"),
    e("不用", UNSPENT, "ja"),
    e("结余", UNSPENT, "zh"),
    e("結餘", UNSPENT, "zh"),
    e("전년이월", CARRIED_IN, "ko"),
    e("전년도이월", CARRIED_IN, "ko"),
    e("carried in", CARRIED_IN, "en"),
    e("前年度繰越", CARRIED_IN, "ja"),
    e("차년이월", CARRIED_OUT, "ko"),
    e("다음연도이월", CARRIED_OUT, "ko"),
    e("이월", CARRIED_OUT, "ko"),
    e("carried forward", CARRIED_OUT, "en"),
    e("carryover*", CARRIED_OUT, "en"),
    e("reste* à réaliser", CARRIED_OUT, "fr"),
    e("繰越", CARRIED_OUT, "ja"),
    e("예산변경", CHANGE, "ko"),
    e("변경", CHANGE, "ko"),
    e("증감", DIFFERENCE, "ko"),
    e("change", DIFFERENCE, "en"),
    e("difference", DIFFERENCE, "en"),
    e("variance", DIFFERENCE, "en"),
    e("variación", DIFFERENCE, "es"),
    e("diferencia", DIFFERENCE, "es"),
    e("modificaciones", CHANGE, "es"),
    e("décision* modificative*", CHANGE, "fr"),
    e("écart*", DIFFERENCE, "fr"),
    e("variation*", DIFFERENCE, "fr"),
    e("veränderung*", DIFFERENCE, "de"),
    e("differenz", DIFFERENCE, "de"),
    e("abweichung*", DIFFERENCE, "de"),
    e("variação", DIFFERENCE, "pt"),
    e("variazion*", DIFFERENCE, "it"),
    e("differenza", DIFFERENCE, "it"),
    e("verschil", DIFFERENCE, "nl"),
    e("różnica", DIFFERENCE, "pl"),
    e("отклонение", DIFFERENCE, "ru"),
    e("відхилення", DIFFERENCE, "uk"),
    e("fark", DIFFERENCE, "tr"),
    // `Lebih/(Kurang)`: more or (less).
    e("lebih", DIFFERENCE, "id"),
    e("selisih", DIFFERENCE, "id"),
    e("chênh lệch", DIFFERENCE, "vi"),
    e("tăng giảm", DIFFERENCE, "vi"),
    e("増減", DIFFERENCE, "ja"),
    // `比較増△減額`: the sign of a decrease written inside the word.
    e("増△減", DIFFERENCE, "ja"),
    e("増▲減", DIFFERENCE, "ja"),
    e("增减", DIFFERENCE, "zh"),
    e("增減", DIFFERENCE, "zh"),
    // `本年度與上年度比較`, `前年度比較`: this year against last, a difference
    // (before the words of last year).
    e("比較", DIFFERENCE, "zh"),
    e("比较", DIFFERENCE, "zh"),
    e("전년", PREVIOUS, "ko"),
    e("prior year", PREVIOUS, "en"),
    e("previous year", PREVIOUS, "en"),
    e("last year", PREVIOUS, "en"),
    e("previous", PREVIOUS, "en"),
    e("prior", PREVIOUS, "en"),
    e("año anterior", PREVIOUS, "es"),
    e("anterior", PREVIOUS, "es"),
    e("précédent*", PREVIOUS, "fr"),
    e("vorjahr*", PREVIOUS, "de"),
    e("precedente", PREVIOUS, "it"),
    e("vorig*", PREVIOUS, "nl"),
    e("poprzedni*", PREVIOUS, "pl"),
    e("ubiegł*", PREVIOUS, "pl"),
    e("предыдущ*", PREVIOUS, "ru"),
    e("прошл*", PREVIOUS, "ru"),
    e("попередн*", PREVIOUS, "uk"),
    e("минул*", PREVIOUS, "uk"),
    e("önceki", PREVIOUS, "tr"),
    e("geçen yıl", PREVIOUS, "tr"),
    e("tahun lalu", PREVIOUS, "id"),
    e("sebelumnya", PREVIOUS, "id"),
    e("năm trước", PREVIOUS, "vi"),
    e("前年", PREVIOUS, "ja"),
    e("上年", PREVIOUS, "zh"),
    e("집행", EXECUTED, "ko"),
    e("지출", EXECUTED, "ko"),
    e("결산", EXECUTED, "ko"),
    // Revenue: what was collected (수납액), as the whole header only:
    // 미수납액 (assessed, not collected) is neither executed nor unspent.
    e("=수납액", EXECUTED, "ko"),
    e("=수납", EXECUTED, "ko"),
    e("collected", EXECUTED, "en"),
    e("actual", EXECUTED, "en"),
    e("actuals", EXECUTED, "en"),
    e("executed", EXECUTED, "en"),
    e("spent", EXECUTED, "en"),
    e("expended", EXECUTED, "en"),
    e("paid", EXECUTED, "en"),
    e("outturn", EXECUTED, "en"),
    e("ejercido", EXECUTED, "es"),
    e("devengado", EXECUTED, "es"),
    e("pagado", EXECUTED, "es"),
    e("ejecutado", EXECUTED, "es"),
    e("obligaciones", EXECUTED, "es"),
    e("reconocid*", EXECUTED, "es"),
    e("pagos", EXECUTED, "es"),
    // Not `réalisation` (`Réalisation d'une école` names a project).
    e("réalisé*", EXECUTED, "fr"),
    e("réalisations", EXECUTED, "fr"),
    e("mandaté*", EXECUTED, "fr"),
    e("consommé*", EXECUTED, "fr"),
    e("dépensé*", EXECUTED, "fr"),
    e("ist", EXECUTED, "de"),
    e("ergebnis", EXECUTED, "de"),
    e("rechnungsergebnis", EXECUTED, "de"),
    e("executad*", EXECUTED, "pt"),
    e("realizad*", EXECUTED, "pt"),
    e("liquidad*", EXECUTED, "pt"),
    e("pago", EXECUTED, "pt"),
    e("pagas", EXECUTED, "pt"),
    e("pagament*", EXECUTED, "it"),
    e("consuntiv*", EXECUTED, "it"),
    e("realisatie", EXECUTED, "nl"),
    e("gerealiseerd*", EXECUTED, "nl"),
    e("wykonani*", EXECUTED, "pl"),
    e("wykonan*", EXECUTED, "pl"),
    e("skutečnost", EXECUTED, "cs"),
    e("čerpání", EXECUTED, "cs"),
    e("teljesítés", EXECUTED, "hu"),
    e("execuți*", EXECUTED, "ro"),
    e("execuţi*", EXECUTED, "ro"),
    e("plăți", EXECUTED, "ro"),
    e("исполн*", EXECUTED, "ru"),
    e("кассов*", EXECUTED, "ru"),
    e("фактическ*", EXECUTED, "ru"),
    e("виконан*", EXECUTED, "uk"),
    e("касов*", EXECUTED, "uk"),
    e("фактичн*", EXECUTED, "uk"),
    e("gerçekleş*", EXECUTED, "tr"),
    e("realisasi", EXECUTED, "id"),
    // `Ước thực hiện` (estimated outturn) is a forecast.
    e("ước thực hiện", PROJECTED, "vi"),
    e("quyết toán", EXECUTED, "vi"),
    e("thực hiện", EXECUTED, "vi"),
    // `決算見込額` is a forecast of the accounts, not the accounts.
    e("見込", PROJECTED, "ja"),
    e("決算", EXECUTED, "ja"),
    e("支出済", EXECUTED, "ja"),
    e("収入済", EXECUTED, "ja"),
    e("執行", EXECUTED, "ja"),
    e("决算", EXECUTED, "zh"),
    e("执行", EXECUTED, "zh"),
    e("实际", EXECUTED, "zh"),
    e("實際", EXECUTED, "zh"),
    e("추경", SUPPLEMENTARY, "ko"),
    e("supplementary", SUPPLEMENTARY, "en"),
    e("nachtrag*", SUPPLEMENTARY, "de"),
    e("補正", SUPPLEMENTARY, "ja"),
    e("追加", SUPPLEMENTARY, "zh"),
    e("정부안", PROPOSED, "ko"),
    e("예산안", PROPOSED, "ko"),
    e("요구", PROPOSED, "ko"),
    e("proposed", PROPOSED, "en"),
    e("proposal", PROPOSED, "en"),
    e("requested", PROPOSED, "en"),
    e("request", PROPOSED, "en"),
    e("recommended", PROPOSED, "en"),
    e("proyecto", PROPOSED, "es"),
    e("propuesto", PROPOSED, "es"),
    e("proposé*", PROPOSED, "fr"),
    e("entwurf", PROPOSED, "de"),
    e("proposta", PROPOSED, "pt"),
    e("ontwerp*", PROPOSED, "nl"),
    e("projekt", PROPOSED, "pl"),
    e("проект", PROPOSED, "ru"),
    e("проєкт", PROPOSED, "uk"),
    e("teklif", PROPOSED, "tr"),
    e("rancangan", PROPOSED, "id"),
    e("usulan", PROPOSED, "id"),
    e("đề xuất", PROPOSED, "vi"),
    e("予算案", PROPOSED, "ja"),
    e("국회확정", FINAL, "ko"),
    e("확정", FINAL, "ko"),
    e("의결", FINAL, "ko"),
    e("final", FINAL, "en"),
    // India's Budget Estimates (BE) are the budget voted; Revised
    // Estimates are read as revised above.
    e("budget estimate*", ADOPTED, "en"),
    e("forward estimate*", PROJECTED, "en"),
    e("estimate*", PROJECTED, "en"),
    e("projected", PROJECTED, "en"),
    e("projection*", PROJECTED, "en"),
    e("전망", PROJECTED, "ko"),
    e("estimado", PROJECTED, "es"),
    e("proyectado", PROJECTED, "es"),
    e("prognose", PROJECTED, "de"),
    e("prognoza", PROJECTED, "pl"),
    e("прогноз*", PROJECTED, "ru"),
    e("raming", PROJECTED, "nl"),
    e("proyeksi", PROJECTED, "id"),
    e("tahmin*", PROJECTED, "tr"),
    e("당초", ADOPTED, "ko"),
    e("본예산", ADOPTED, "ko"),
    e("예산", ADOPTED, "ko"),
    e("adopted", ADOPTED, "en"),
    e("approved", ADOPTED, "en"),
    e("original", ADOPTED, "en"),
    e("enacted", ADOPTED, "en"),
    e("appropriat*", ADOPTED, "en"),
    e("budget", ADOPTED, "en"),
    e("budgeted", ADOPTED, "en"),
    // Not `plan` nor `plans`: `Health Plan A` is a name, and a column of a
    // few such names would read as phases.
    e("planned", ADOPTED, "en"),
    e("aprobado", ADOPTED, "es"),
    e("inicial*", ADOPTED, "es"),
    e("previsiones", ADOPTED, "es"),
    e("presupuesto", ADOPTED, "es"),
    e("presupuestado", ADOPTED, "es"),
    e("primitif", ADOPTED, "fr"),
    e("voté*", ADOPTED, "fr"),
    e("prévu*", ADOPTED, "fr"),
    e("prévision*", ADOPTED, "fr"),
    e("ansatz", ADOPTED, "de"),
    e("ansätze", ADOPTED, "de"),
    e("haushaltsansatz", ADOPTED, "de"),
    e("soll", ADOPTED, "de"),
    e("orçamento", ADOPTED, "pt"),
    e("dotação", ADOPTED, "pt"),
    e("stanziament*", ADOPTED, "it"),
    e("previsione", ADOPTED, "it"),
    e("previsioni", ADOPTED, "it"),
    e("begroting", ADOPTED, "nl"),
    e("begroot", ADOPTED, "nl"),
    // `Plan` alone, or `Plan na 2024`: not `plan` anywhere (see above).
    e("=plan", ADOPTED, "pl"),
    e("plan na", ADOPTED, "pl"),
    e("schválen*", ADOPTED, "cs"),
    e("rozpočet", ADOPTED, "cs"),
    e("előirányzat", ADOPTED, "hu"),
    e("eredeti", ADOPTED, "hu"),
    e("prevederi", ADOPTED, "ro"),
    e("buget*", ADOPTED, "ro"),
    e("план*", ADOPTED, "ru"),
    e("утвержд*", ADOPTED, "ru"),
    e("затвердж*", ADOPTED, "uk"),
    e("бюджет*", ADOPTED, "ru"),
    e("bütçe*", ADOPTED, "tr"),
    e("ödene*", ADOPTED, "tr"),
    e("anggaran", ADOPTED, "id"),
    e("pagu", ADOPTED, "id"),
    e("dự toán", ADOPTED, "vi"),
    e("kế hoạch", ADOPTED, "vi"),
    e("当初", ADOPTED, "ja"),
    e("予算", ADOPTED, "ja"),
    e("预算", ADOPTED, "zh"),
    e("預算", ADOPTED, "zh"),
    e("금액", Money, "ko"),
    e("amount", Money, "en"),
    e("amounts", Money, "en"),
    e("importe", Money, "es"),
    e("monto", Money, "es"),
    e("valor", Money, "es"),
    e("créditos", Money, "es"),
    e("montant", Money, "fr"),
    e("crédits", Money, "fr"),
    e("betrag", Money, "de"),
    e("montante", Money, "pt"),
    e("importo", Money, "it"),
    e("bedrag", Money, "nl"),
    e("kwota", Money, "pl"),
    e("částka", Money, "cs"),
    e("összeg", Money, "hu"),
    e("suma", Money, "ro"),
    e("сумма", Money, "ru"),
    e("сума", Money, "uk"),
    e("tutar*", Money, "tr"),
    e("jumlah", Money, "id"),
    e("nilai", Money, "id"),
    e("số tiền", Money, "vi"),
    e("金額", Money, "ja"),
    e("金额", Money, "zh"),
    // Counts of people and households, after every money word (`인구정책
    // 예산` is money): their numbers are added up, never as money.
    e("인구", PEOPLE, "ko"),
    e("주민수", PEOPLE, "ko"),
    e("세대수", HOUSEHOLDS, "ko"),
    e("가구수", HOUSEHOLDS, "ko"),
    e("=세대", HOUSEHOLDS, "ko"),
    e("=가구", HOUSEHOLDS, "ko"),
    e("population", PEOPLE, "en"),
    e("residents", PEOPLE, "en"),
    e("inhabitants", PEOPLE, "en"),
    e("households", HOUSEHOLDS, "en"),
    e("población", PEOPLE, "es"),
    e("poblacion", PEOPLE, "es"),
    e("habitantes", PEOPLE, "es"),
    e("hogares", HOUSEHOLDS, "es"),
    e("ménages", HOUSEHOLDS, "fr"),
    e("einwohner*", PEOPLE, "de"),
    e("人口", PEOPLE, "ja"),
    e("世帯数", HOUSEHOLDS, "ja"),
    e("户数", HOUSEHOLDS, "zh"),
    // Free text, last: `집행 설명` is an amount.
    e("비고", Note, "ko"),
    e("메모", Note, "ko"),
    e("설명", Note, "ko"),
    e("세부내용", Note, "ko"),
    e("산출근거", Note, "ko"),
    e("note*", Note, "en"),
    e("remark*", Note, "en"),
    e("comment*", Note, "en"),
    e("url", Note, "en"),
    e("link*", Note, "en"),
    e("website", Note, "en"),
    e("observaciones", Note, "es"),
    e("remarque*", Note, "fr"),
    e("observation*", Note, "fr"),
    e("bemerkung*", Note, "de"),
    e("erläuterung*", Note, "de"),
    e("anmerkung*", Note, "de"),
    e("observaç*", Note, "pt"),
    e("toelichting", Note, "nl"),
    e("opmerking*", Note, "nl"),
    e("uwagi", Note, "pl"),
    e("примечание", Note, "ru"),
    e("примітк*", Note, "uk"),
    e("keterangan", Note, "id"),
    e("ghi chú", Note, "vi"),
    e("備考", Note, "ja"),
    e("説明", Note, "ja"),
    e("摘要", Note, "ja"),
    e("备注", Note, "zh"),
    e("说明", Note, "zh"),
    e("備註", Note, "zh"),
    e("說明", Note, "zh"),
];

/// The header without bracketed parts: `예산현액(A+B)` → `예산현액 `.
pub fn without_brackets(header: &str) -> String {
    let mut text = header.to_string();
    for inner in bracketed(header) {
        for (open, close) in [('(', ')'), ('[', ']'), ('（', '）')] {
            text = text.replace(&format!("{open}{inner}{close}"), " ");
        }
    }
    text
}

/// The header's words: split at anything that is not a letter or digit and
/// at camelCase boundaries, lower-cased.
pub fn words(header: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in header.chars() {
        if c.is_alphanumeric() || c == 'º' {
            if c.is_uppercase() && previous_lower && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            previous_lower = c.is_lowercase();
            word.extend(c.to_lowercase());
        } else {
            previous_lower = false;
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Whether a lexicon word matches at the start of `words`.
fn matches_at(pattern: &str, words: &[String]) -> bool {
    let parts: Vec<&str> = pattern.split(' ').collect();
    parts.len() <= words.len()
        && parts
            .iter()
            .zip(words)
            .all(|(part, word)| match part.strip_suffix('*') {
                Some(stem) => word.starts_with(stem),
                None => word == part,
            })
}

/// A word of a script written without spaces: Hangul, kana, Han.
fn unspaced(c: char) -> bool {
    matches!(c, '가'..='힣' | '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// A Hangul, kana or Han word, or a symbol, is looked for anywhere in the
/// header.
fn anywhere(word: &str) -> bool {
    word.chars().any(unspaced)
        || !word.split(' ').all(|part| {
            let stem = part.strip_suffix('*').unwrap_or(part);
            !stem.is_empty() && stem.chars().all(char::is_alphanumeric)
        })
}

/// The first lexicon row whose word is in the header (brackets left out).
pub fn lookup(header: &str) -> Option<&'static Entry> {
    let text = without_brackets(header);
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let words = words(&text);
    let joined = words.join(" ");
    // `Realisasi (%)`, `Gerçekleşme Oranı (%)`: a percent sign in brackets
    // too says the column holds rates, whatever its words say.
    if header.contains('%') {
        return LEXICON.iter().find(|entry| entry.word == "%");
    }
    LEXICON.iter().find(|entry| {
        if let Some(whole) = entry.word.strip_prefix('=') {
            compact == whole || joined == whole
        } else if anywhere(entry.word) {
            compact.contains(entry.word)
        } else {
            (0..words.len()).any(|at| matches_at(entry.word, &words[at..]))
        }
    })
}

/// Whether a table's headers are written mostly in languages that write a
/// decimal comma and group thousands with points (`12.500` is twelve
/// thousand five hundred in Dutch, German, Spanish, Indonesian, …), by the
/// languages of the lexicon words they hold.
pub fn decimal_comma_language(headers: &[String]) -> bool {
    const COMMA: [&str; 11] = [
        "es", "de", "nl", "pt", "it", "pl", "ru", "uk", "tr", "id", "vi",
    ];
    const POINT: [&str; 4] = ["en", "ko", "ja", "zh"];
    let (mut comma, mut point) = (0usize, 0usize);
    for entry in headers.iter().filter_map(|h| lookup(h)) {
        comma += usize::from(COMMA.contains(&entry.lang));
        point += usize::from(POINT.contains(&entry.lang));
    }
    comma > point
}

/// What the header says its column holds, if the lexicon knows a word of it.
pub fn meaning(header: &str) -> Option<Meaning> {
    lookup(header).map(|entry| entry.meaning)
}

/// The role a header (or a phase value such as `Actual`) names.
pub fn role(header: &str) -> Option<Role> {
    match meaning(header)? {
        Meaning::Role(role) => Some(role),
        Meaning::Money => Some(Role::Adopted),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of the lexicon, alone as a header, means what it says
    /// (no earlier row shadows it).
    #[test]
    fn every_row_reads_as_itself() {
        for entry in LEXICON {
            let word = entry.word.trim_start_matches('=');
            let header = match word.strip_suffix('*') {
                Some(stem) => format!("{stem}xyz"),
                None => word.to_string(),
            };
            let found = lookup(&header).map(|e| e.meaning);
            // `변경` inside `예산변경`, `잔액` inside `집행잔액`: the longer word
            // stands first and means the same or more.
            assert!(
                found == Some(entry.meaning)
                    || lookup(&header)
                        .is_some_and(|e| e.word != entry.word && header.contains(e.word)),
                "{} ({}) reads as {found:?}",
                entry.word,
                entry.lang
            );
        }
    }

    #[test]
    fn headers_of_real_files() {
        let cases = [
            ("Adopted Budget", Some(Meaning::Role(Role::Adopted))),
            ("FY2023 Amended Budget", Some(Meaning::Role(Role::Current))),
            ("Actual Expenditure", Some(Meaning::Role(Role::Executed))),
            ("Prior Year Actual", Some(Meaning::Role(Role::Previous))),
            ("Appropriation", Some(Meaning::Role(Role::Adopted))),
            ("Presupuesto Aprobado", Some(Meaning::Role(Role::Adopted))),
            ("Modificado", Some(Meaning::Role(Role::Current))),
            ("Ejercido", Some(Meaning::Role(Role::Executed))),
            ("Importe", Some(Meaning::Money)),
            ("ProgramID", Some(Meaning::Code)),
            ("Fund Code", Some(Meaning::Code)),
            ("Clave", Some(Meaning::Code)),
            ("Número de cuenta", Some(Meaning::Code)),
            ("Код", Some(Meaning::Code)),
            ("사업코드", Some(Meaning::Code)),
            ("Fiscal Year", Some(Meaning::Year)),
            ("Forward Estimates", Some(Meaning::Role(Role::Projected))),
            ("Recommended", Some(Meaning::Role(Role::Proposed))),
            ("% Change", Some(Meaning::Rate)),
            ("집행률(%)", Some(Meaning::Rate)),
            ("Department", None),
            ("Fund Description", Some(Meaning::Classification)),
            ("Notes", Some(Meaning::Note)),
            ("Actualizado", Some(Meaning::Role(Role::Current))),
            ("Annotated", None),
        ];
        for (header, meaning_of) in cases {
            assert_eq!(meaning(header), meaning_of, "{header}");
        }
    }

    #[test]
    fn the_language_of_a_tables_headers_tells_its_decimal_mark() {
        let headers = |list: &[&str]| list.iter().map(|h| h.to_string()).collect::<Vec<_>>();
        assert!(decimal_comma_language(&headers(&[
            "Programma",
            "Begroting 2024",
            "Realisatie 2023"
        ])));
        assert!(decimal_comma_language(&headers(&[
            "Kode",
            "Anggaran",
            "Realisasi"
        ])));
        assert!(!decimal_comma_language(&headers(&[
            "Nature of expense",
            "Budget",
            "Actual"
        ])));
        assert!(!decimal_comma_language(&headers(&[
            "부서",
            "예산액",
            "집행액"
        ])));
    }

    #[test]
    fn words_split_at_camel_case_and_punctuation() {
        assert_eq!(words("ProgramID"), ["program", "id"]);
        assert_eq!(words("FY22-23 Budget"), ["fy22", "23", "budget"]);
        assert_eq!(words("Fund_Description"), ["fund", "description"]);
    }
}
