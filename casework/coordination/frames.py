"""The claims a counter-messaging wave makes, as word patterns, and the cues of stance.

Campaigns against critical reporting reuse a small repertoire whatever the
country: the critics are paid or foreign-funded, a lobby or a foreign power
is behind them, double standards (the accusers are worse at home: "what
about ..."), outsiders have no right to judge (sovereignty, tradition), the
authors are ignorant or lying, the article is a smear meant to harm the
country, the accused are criminals and the case is not political, and the
country is stable, developing and democratic
(the propaganda literature's ad hominem on motives, foreign-agent narrative,
whataboutism, denial and praise). Each account says it in its own words;
these frames are the synonyms that let two wordings of one claim meet. They
are patterns of language (English, Russian, Azerbaijani), not of any thread:
no names, places or phrases of a particular story. A frame alone makes no
campaign: it is one talking point among those an account pushes, weighed
against how often the thread and the corpus use it (casework.coordination.waves).

Stance is read from the same kind of cues: a reply that opens by disagreeing
("Nonsense", "Not true", "Чушь") puts its author on the other side of the
author replied to, and a message that names the pattern ("trolls", "who pays
you", "the same sentence") is a critic of the wave, however many of the
wave's words it repeats.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class ClaimFrame:
    name: str
    label: str  # the claim in words, as a talking point is shown
    patterns: tuple[str, ...]  # regular expressions over folded text (see `fold`)


# Written over folded text: lower case, no accents, ə -> e, ı -> i (`fold`), so
# "maliyyələşdirilir" is matched as "maliyyelesdirilir". `\w*` lets a stem take
# its endings; a space matches any run of spaces.
FRAMES: tuple[ClaimFrame, ...] = (
    ClaimFrame(
        "paid",
        "the critics are paid or funded for it",
        (
            r"\bpaid (?:by|to|for|from|agents?|trolls?|writers?|journalists?|experts?|activists?"
            r"|propaganda|articles?|hacks?|mouthpieces?|lobby\w*)\b",
            r"\b(?:are|is|were|was|being|get|gets|got|all) "
            r"(?:well |all |all well |handsomely )?paid\b",
            r"\bwho paid\b",
            r"\bpay(?:s|ing)? (?:them|him|her|you)\b",
            r"\bwho pays\b",
            r"\bsalar\w*",
            r"\b(?:foreign|western|soros|their|whose|for the|on foreign) money\b",
            r"\bmoney (?:from|of) (?:\w+ ){0,2}(?:abroad|foreign|the west|soros|western|embass)\w*",
            r"\bmoney comes? from\b",
            r"\bforeign (?:foundations?|donors?|grants?|funders?|fund(?:s|ing)?)\b",
            r"\bpul\w* kim ver\w*",
            r"\bthey pay\b",
            r"\bwho pays\b",
            r"\bfund (?:the|this|their|his|her|that)\b",
            r"\b(?:get|gets|got|take|takes|took|receive|received|paid) (?:the |good |big )?money\b",
            r"\bза деньги\b",
            r"\b(?:иностранн|западн|чуж)\w* деньг\w*",
            r"\bденьги (?:из-за|от|с) (?:границ|запад|сорос)\w*",
            r"\bxaric\w* pul\w*",
            r"\bpul(?:u|a)? al\w*",
            r"\bmaas al\w*",
            r"\bfinanc(?:ed|es|ing|iers?)\b",
            r"\bfund(?:ed|ing|s)\b",
            r"\bgrants?\b",
            r"\bsponsor\w*",
            r"\bpayroll\b",
            r"\bmercenar\w*",
            r"\b(?:make|made|making|build\w*) (?:a |their )?careers?\b",
            r"\bliv(?:e|es|ing) off\b",
            r"\bfor hire\b",
            r"\bbought\b",
            # who is paid, not any payment ("пенсии платят вовремя")
            r"\b(?:им|ему|ей|вам|тебе|кто|всем) (?:\w+ )?плат(?:ят|ит|ил|или)\b",
            r"\bплат(?:ят|ит|ил|или) (?:им|ему|ей|вам|тебе|за)\b",
            r"\bплатн(?:ый|ые|ых)\b",
            r"\bпроплач\w*",
            r"\bфинансир\w*",
            r"\bгрант\w*",
            r"\bспонсор\w*",
            r"\bпродажн\w*",
            r"\bкто платит\b",
            r"\bзападн\w* (?:спонсор|фонд|грант|хозя|куратор)\w*",
            r"\bкупле?н\w*",
            r"\bmaliyye\w*",
            r"\bqrant\w*",
            r"\bmuzdlu\w*",
            r"\bsatqin\w*",
            r"\bsatilmis\w*",
        ),
    ),
    ClaimFrame(
        "foreign_hand",
        "a lobby or a foreign power is behind the criticism",
        (
            r"\blobb(?:y|ies|ying|yist|yists)\b",
            r"\bforeign (?:agents?|forces|powers?|circles|interests|masters|sponsors|money)\b",
            r"\bforeign[- ]funded\b",
            r"\bfifth column\w*",
            r"\bexternal forces\b",
            r"\benem(?:y|ies) of\b",
            r"\binterfer\w*",
            r"\bhidden agenda\b",
            r"\bcolou?r(?:ed)? revolution\w*",
            r"\bmaidan\w*",
            r"\bцветн\w* революц\w*",
            r"\bмайдан\w*",
            r"\brengli inqilab\w*",
            r"\borchestrat\w*",
            r"\bwho (?:is|was|were|are|'s) (?:really )?behind\b",
            r"\bwho (?:benefits|profits|gains)\b",
            r"\bfollow the money\b",
            r"\b(?:very|so|how|rather) convenient(?: timing)?\b",
            r"\b(?:exactly|right|just|conveniently) (?:a |one |two |three |four )?"
            r"(?:week|weeks|days?|months?) before\b",
            r"\bexactly when\b",
            r"\bdraw your own conclusions?\b",
            r"\btimed (?:for|to coincide|to match|just before|right before)\b",
            r"\bwhy (?:now|this week|this month)\?",
            r"\bjust before the (?:election|elections|vote|budget|debate|summit|visit)\b",
            r"\bopen your eyes\b",
            r"\b(?:do not|don'?t) be (?:so )?naive\b",
            r"\bкому (?:это )?выгодно\b",
            r"\bкому выгодн\w*",
            r"\bkime serfeli\w*",
            r"\bon (?:the )?orders? (?:of|from) (?:washington|brussels|the west|abroad)\b",
            r"\bлобби\w*",
            r"\bиноагент\w*",
            r"\bиностранн\w* (?:агент\w*|сил\w*|кругов|деньг\w*)",
            r"\bпят\w* колонн\w*",
            r"\bвнешн\w* сил\w*",
            r"\bвмешательств\w*",
            r"\bзаказн\w*",
            r"\bпо заказу\b",
            r"\blobbi\w*",
            r"\bbesinci kolon\w*",
            r"\bxarici (?:quvve\w*|dairel\w*|agent\w*|maliyy\w*)",
            r"\bxarici (?:\w+ )?fond\w*",
            r"\bxarici teskilat\w*",
            r"\barxasinda (?:\w+ ){0,2}(?:var|dayanir|durur)\b",
            r"\bmudaxile\w*",
            r"\bsifarisl?\w*",
        ),
    ),
    ClaimFrame(
        "whataboutism",
        "double standards: the accusers are worse at home",
        (
            r"\bwhat about\b",
            r"\bwhere is the (?:investigation|outrage|article|report|concern)\b",
            r"\bwhere (?:were|was) (?:you|they|these|those|the|all|he|she)\b",
            r"\bdouble[- ]standards?\b",
            r"\bhypocri\w*",
            r"\bselective(?:ly)?\b",
            r"\bгде (?:вы|они|же) были\b",
            r"\bдвойн\w* стандарт\w*",
            r"\bлицемер\w*",
            r"\bharada idiniz\b",
            r"\bikili standart\w*",
            r"\bikiuzlu\w*",
            r"\blook at (?:your|their|its) own\b",
            r"\b(?:your|their|its) own (?:country|countries|house|backyard|problems|prisons"
            r"|police)\b",
            r"\b(?:care|worry) about (?:your|their|its) own\b",
            r"\bevery country has\b",
            r"\bwhy (?:always|only) (?:pick|single|target|focus)\w*",
            r"\bpick(?:s|ing)? on (?:a |us|small)\b",
            r"\bin your (?:own )?country\b",
            r"\bclean (?:up )?(?:your|their) own\b",
            r"\bwho are (?:you|they) to\b",
            r"\bglass houses?\b",
            r"\bworst (?:one )?(?:is )?in\b",
            r"\bworse (?:than|in)\b",
            r"\bpolice (?:brutality|killings?|violence|shootings?)\b",
            r"\bguantanamo\b",
            r"\bа как же\b",
            r"\bа у (?:вас|них)\b",
            r"\bу себя\b",
            r"\bна себя посмотр\w*",
            r"\bв своей стране\b",
            r"\bна (?:свою|своих|своё|свое) (?:полици|стран|суд|тюрьм)\w*",
            r"\bпусть (?:сначала )?на себя\b",
            r"\bхуже\b",
            r"\boz olke\w*",
            r"\b(?:evvelce|once) oz\w*",
            r"\boz\w* .{0,50}baxsin\w*",
            r"\bozunuze bax\w*",
            r"\bbes (?:amerika|avropa|qerb|onlar|siz)\w*",
            r"\bdaha pis\b",
        ),
    ),
    ClaimFrame(
        "sovereignty",
        "outsiders have no right to judge the country and its ways",
        (
            r"\b(?:you|people|they|foreigners|outsiders) (?:from|in|outside) (?:\w+ )?"
            r"(?:europe|abroad|the west|washington|brussels|london) (?:can'?t|cannot|will never|"
            r"don'?t|do not) understand\b",
            r"\bне (?:лезьте|лезь|суйтесь)\b",
            r"\b(?:вам|им) (?:\w+ ){0,3}не понять\b",
            r"\blectur(?:e|es|ed|ing) (?:us|our|the|them|others|\w+ about)\b",
            r"\bbefore lecturing\b",
            r"\bteach(?:es|ing)? (?:us|our)\b",
            r"\bnow they teach\b",
            r"\b(?:cannot|can'?t|have no right to|no right to) judge\b",
            r"\b(?:none of|not) (?:your|their) business\b",
            r"\binternal (?:affairs|matter)\b",
            r"\bsovereign\w*",
            r"\bour (?:traditions?|culture|customs|way of life|values)\b",
            r"\b(?:community|national|old|our) tradition\b",
            r"\b(?:national|traditional|family) values\b",
            r"\b(?:национальн|традиционн|семейн)\w* ценност\w*",
            r"\bmilli deyer\w*",
            r"\bпоуча\w*",
            r"\bучить нас\b",
            r"\bнас (?:учить|поучать)\b",
            r"\bне вам (?:судить|решать)\b",
            r"\bвнутренн\w* дел\w*",
            r"\bсуверен\w*",
            r"\bнаши\w* традици\w*",
            r"\bbize ders\w*",
            r"\bders (?:kec|ver)\w*",
            r"\bdaxili isl\w*",
            r"\bsuveren\w*",
            r"\benene\w*",
        ),
    ),
    ClaimFrame(
        "discredit",
        "the authors are ignorant, biased or lying",
        (
            r"\bso[- ]called\b",
            r"\bforeigners? who (?:spent|came|sat|stayed|visited|never|know)\b",
            r"\bold news\b",
            r"\brecycl\w*",
            r"\bbiased\b",
            r"\bone[- ]sided\b",
            r"\blies\b",
            r"\bliars?\b",
            r"\blying\b",
            r"\bfake\b",
            r"\bfabricat\w*",
            r"\bslander\w*",
            r"\bsmear\w*",
            r"\bdistort\w*",
            r"\bmisinform\w*",
            r"\bdisinformation\b",
            r"\bknow nothing\b",
            r"\b(?:do not|don'?t|does not|doesn'?t|did not) (?:know|understand)\b",
            r"\bno idea\b",
            r"\bnever (?:been|visited|set foot)\b",
            r"\bignoran\w*",
            r"\buninformed\b",
            r"\b(?:personal )?grudge\b",
            r"\baxe to grind\b",
            r"\b(?:not a |un)reliable source\b",
            r"\bunreliable\b",
            r"\b(?:an )?anonymous (?:one|source|sources|doctor|witness|official)\b",
            r"\bnot journalism\b",
            r"\bisn'?t journalism\b",
            r"\bconflict of interest\b",
            r"\b(?:party|opposition) (?:activists?|hacks?|mouthpieces?|propagandists?)\b",
            r"\b(?:hardly|not|un) ?balanced\b",
            r"\bclick ?bait\b",
            r"\b(?:for|get|gets|getting) clicks\b",
            r"\bличн\w* (?:обид|счёт|счет|неприязн)\w*",
            r"\bне журналисти\w*",
            r"\bsexsi (?:kin|qerez)\w*",
            r"\bложь\b",
            r"\bлжив\w*",
            r"\bврут\b",
            r"\bвран\w*",
            r"\bклевет\w*",
            r"\bфейк\w*",
            r"\bпредвзят\w*",
            r"\bсказк\w*",
            r"\bвброс\w*",
            r"\bтак называем\w*",
            r"\bничего не (?:знают|понимают)\b",
            r"\bне знают\b",
            r"\byalan\w*",
            r"\bbohtan\w*",
            r"\bqerezli\w*",
            r"\bsaxta\w*",
            r"\bmelumat\w* yoxdur\b",
            r"\bbilmir\w*",
            r"\bsozde\b",
            r"\bjurnalistika deyil\b",
            r"\buydurma\w*",
            r"\bвыдум\w*",
        ),
    ),
    ClaimFrame(
        "smear",
        "the article is a campaign to harm the country",
        (
            r"\bsmear campaign\b",
            r"\bcampaign against\b",
            r"\bagainst (?:our|my|this) (?:country|nation|state|people)\b",
            r"\b(?:tarnish|damage|harm|spoil)\w* (?:the |our |its )?"
            r"(?:image|reputation|relations)\b",
            r"\bdrive a wedge\b",
            r"\b(?:drawn|painted|portrayed|depicted|shown) (?:as|like) (?:a |some )?"
            r"(?:gulag|hell|dictatorship|prison camp|police state)\b",
            r"\b(?:paint|draw|portray|depict)\w* (?:our|my|the whole|this) "
            r"(?:country|nation|people)\b",
            r"\battack on (?:the )?(?:whole )?(?:nation|country|people|state)\b",
            r"\b(?:score|scoring) (?:cheap )?political points\b",
            r"\bpolitical (?:fight|games?|points)\b",
            r"\bрасшат\w*",
            r"\bраскач\w*",
            r"\bнападк\w* на (?:страну|государство|народ)\b",
            r"\bfriendly (?:countries|nations|relations)\b",
            r"\bblackmail\w*",
            r"\bдискредит\w*",
            r"\bочерн\w*",
            r"\bшантаж\w*",
            r"\bкампани\w* против\b",
            r"\bпротив (?:нашей )?(?:страны|государства|народа)\b",
            r"\bolkemiz\w* qarsi\b",
            r"\bqarayaxma\w*",
            r"\bsantaj\w*",
            r"\bimic\w*",
            r"\bnufuz\w* (?:zerbe|lekele)\w*",
            r"\blekele\w*",
        ),
    ),
    ClaimFrame(
        "character",
        "the victim is a bad person",
        (
            r"\blook (?:at|into) (?:his|her|their) (?:past|history|record|background)\b",
            r"\b(?:now|suddenly) (?:he is|he'?s|she is|she'?s|they are|they'?re) "
            r"(?:a |some )?(?:national |people'?s )?heroe?s?\b",
            r"\b(?:drug )?addicts?\b",
            r"\b(?:never|didn'?t|did not|doesn'?t|does not|won'?t) pay (?:\w+ ){0,2}"
            r"(?:child support|alimony)\b",
            r"\bunpaid (?:child support|alimony)\b",
            r"\bпосмотрите на (?:его|ее|их) прошл\w*",
            r"\bстал\w* (?:\w+ )?геро\w*",
            r"\bнаркоман\w*",
            r"\bне плат\w* (?:\w+ )?алимент\w*|\bалимент\w* не плат\w*",
            r"\bkecmisin\w*",
            r"\bqehreman\w* olub\b",
            r"\bnarkoman\w*",
            r"\baliment\w* (?:\w+ ){0,2}odeme\w*",
        ),
    ),
    ClaimFrame(
        "staged",
        "the suffering is staged or acted for the cameras",
        (
            r"\bstaged\b",
            r"\b(?:is|it'?s|this is|all|just|pure|political|a) (?:theatre|theater|circus)\b",
            r"\b(?:a|pure|political) (?:show|performance|stunt)\b",
            r"\bpublicity stunt\b",
            r"\bfor the (?:\w+ )?cameras\b",
            r"\bcrocodile tears\b",
            r"\bplay(?:s|ing|ed)? the victim\b",
            r"\b(?:needs?|wants?|looking for|making) (?:a |him a |her a )?martyrs?\b",
            r"\b(?:paid|crisis|hired|the same|professional) actors?\b",
            r"\b(?:look|looks|looked) (?:posed|arranged|staged)\b",
            r"\bphotoshop\w*",
            r"\bпостановк\w*",
            r"\bинсценир\w*",
            r"\bспектакл\w*",
            r"\bактёр\w*|\bактер\w*",
            r"\bпиар\w*",
            r"\bsehneles\w*",
            r"\btamasa\w*",
        ),
    ),
    ClaimFrame(
        "criminal",
        "it is a criminal case, not politics",
        (
            r"\bnothing to do with (?:journalism|politics|human rights|free speech|the press"
            r"|his work|her work|their work|reporting|activism)\b",
            r"\b(?:common|ordinary|real) criminals?\b",
            r"\bbroke the law\b",
            r"\b(?:let the court|the courts? will) (?:decide|sort|clarify|judge)\w*",
            r"\b(?:police|government|state|authorities) (?:did|do|are doing|were doing) "
            r"(?:the right thing|their job)\b",
            r"\bсуд разбер\w*",
            r"\bправильно сделал\w*",
            r"\bmehkeme (?:her \w+ )?(?:aydinlasdir|qerar ver)\w*",
            r"\bdovlet (?:duz|dogru) (?:edib|edir|etdi)\b",
            r"\b(?:rioters?|hooligans?|vandals?|thugs?|looters?|provocateurs?)\b",
            r"\battack(?:ed|s|ing)? (?:the )?police\b",
            r"\b(?:хулиган|провокатор|погромщик|бандит)\w*",
            r"\bxuliqan\w*",
            r"\btexribatci\w*",
            r"\b(?:no one|nobody) is above the law\b",
            r"\bthe law is the same for (?:everyone|everybody|all)\b",
            r"\b(?:tax|criminal|fraud|corruption) case (?:was|is) (?:real|genuine)\b",
            r"\bне политическ\w*",
            r"\bкакой (?:он|она|же) политзаключ\w*",
            r"\bне политзаключ\w*",
            r"\bмошенни\w*",
            r"\b(?:not|no|hardly) a (?:political prisoner|prisoner of conscience)\b",
            r"\bextort\w*|\bracket(?:eer)?\w*|\bрэкет\w*|\bвымогател\w*|\breket\w*",
            r"\bwhat (?:he|she|they) (?:was|were) "
            r"(?:inside|in prison|jailed|arrested|convicted) for\b",
            r"\b(?:обычн|простой|настоящ)\w* (?:уголовник|преступник)\w*",
            r"\bникто не выше закона\b",
            r"\bзакон (?:один )?для всех\b",
            r"\bsiyasi deyil\b",
            r"\bcinayetkar\w*",
            r"\bqanun hami ucun\b",
            r"\bqanunu? poz\w*",
        ),
    ),
    ClaimFrame(
        "praise",
        "the country is stable, developing and democratic",
        (
            r"\bdemocratic (?:state|country|nation)\b",
            r"\bstab(?:le|ility|ilit\w*)\b",
            r"\b(?:economic|rapid|great|huge|impressive|major|enormous) development\b",
            r"\b(?:economy|economic) (?:grows|grew|growth|is growing|boom\w*)\b",
            r"\bgr(?:ows?|ew) \d+ ?(?:%|percent)",
            r"\binvest(?:ors|ment|ments) (?:are |is )?(?:coming|come|flow\w*|pour\w*)\b",
            r"\b(?:is |are |has been )?develop(?:s|ing|ed) (?:fast|rapidly|quickly|so much)\b",
            r"\bprogress\b",
            r"\bprosper\w*",
            r"\btoleran\w*",
            r"\bequal rights\b",
            r"\b(?:that|this) is (?:real )?democracy\b",
            r"\bworked perfectly\b",
            r"\bbuil[td] (?:\w+ ){0,3}"
            r"(?:schools?|roads?|hospitals?|bridges?|parks?|metro|stadiums?)\b",
            r"\bnew (?:schools?|roads?|hospitals?|bridges?|parks?|buses)\b",
            r"\b(?:wages|salaries|pensions) (?:have )?"
            r"(?:rose|risen|rise|grew|grown|went up|increased)\b",
            r"\blife (?:has )?(?:got|gotten|become) better\b",
            r"\bпострои\w* (?:\w+ ){0,3}(?:школ|дорог|больниц|мост|парк|арен|стадион|завод)\w*",
            r"\bстро(?:ятся|ят|ится) (?:\w+ ){0,2}(?:школ|дорог|больниц|мост|завод|дом)\w*",
            r"\bнов\w* (?:школ|дорог|больниц|автобус|мост|парк)\w*",
            r"\b(?:пенси|зарплат)\w* (?:\w+ ){0,3}(?:проиндексир|вырос|растут|повыси|подня)\w*",
            r"\bжить стало лучше\b",
            r"\b(?:страна|край|регион|область|город) (?:\w+ )?(?:идет|движется) вперед\b",
            r"\b(?:country|region|nation) (?:is )?(?:moving|going) forward\b",
            r"\bспасибо (?:\w+ ){0,2}(?:президент|губернатор|власт|правительств|мэр)\w*",
            r"\bthank(?:s| you) (?:\w+ ){0,2}(?:president|governor|government|mayor)\b",
            r"\bсильн\w* (?:государств|руководств)\w*",
            r"\b(?:strong|capable) (?:state|leadership)\b",
            r"\bсистема работает\b",
            r"\bthe system (?:works|is working)\b",
            r"\bне только критиковать\b",
            r"\b(?:be|being) constructive\b",
            r"\bpeace and (?:order|stability)\b",
            r"\bмир и (?:порядок|стабильност\w*)\b",
            r"\bthanks to (?:the |our )?(?:president|government|leader(?:ship)?)\b",
            r"\bпри нынешн\w* (?:президент|власт|правительств)\w*",
            r"\bблагодар\w* (?:президент|власт|правительств)\w*",
            r"\bнов\w* (?:\w+ )?(?:центр|больниц|школ|дорог)\w*",
            r"\bautobus\w* nov\w*|\bавтобусы новые\b",
            r"\bsulh ve (?:asayis|sabitlik)\b",
            r"\byeni (?:mekteb|yol|xestexana|korpu|park)\w*",
            r"\b(?:maas|pensiya)\w* (?:\w+ ){0,2}(?:artib|artir)\w*",
            r"\bстабильн\w*",
            r"\bразвити\w*",
            r"\bпроцвета\w*",
            r"\bдемократическ\w* (?:государств\w*|стран\w*)",
            r"\bтолерант\w*",
            r"\bsabitlik\w*",
            r"\binkisaf\w*",
            r"\bterequi\w*",
            r"\btereqqi\w*",
            r"\bdemokratik (?:dovlet|olke)\w*",
            r"\btolerant\w*",
        ),
    ),
)
FRAME_LABELS = {f.name: f.label for f in FRAMES}

# A message that names the wave is its critic: it speaks of trolls, bots, a
# pattern, who pays or sends the accounts. It may repeat the wave's words.
CRITIC_CUES = (
    r"\btrolls?\b",
    r"\btroll (?:farm|factory|army)\b",
    r"\bbots?\b",
    r"\bsock ?puppets?\b",
    r"\bwho (?:sends|sent|pays|paid) you\b",
    r"\bhow much (?:do|did) they pay you\b",
    r"\bsame (?:sentence|text|words|wording|message|comment|post|paragraph|lines?)\b",
    r"\bcopies of\b",
    r"\bcopy[- ]?past\w*",
    r"\bsame (?:method|playbook|script|template|pattern|talking points)\b",
    r"\bcoordinated\b",
    r"\bsame (?:old )?story\b",
    r"\b(?:every(?:one|body)|anyone) who (?:criticis|criticiz|disagree|question|object)\w*",
    r"\bon cue\b",
    r"\bhere they come\b",
    r"\bright on (?:time|schedule)\b",
    r"\bthe (?:whole|full|usual) (?:set|kit|package|menu|script)\b",
    r"\bнабежал\w*",
    r"\bвесь набор\b",
    r"\bпо расписанию\b",
    r"\b(?:two|three|four|five|six|several|all these|these) (?:\w+ )?(?:comments|posts|replies)"
    r" (?:in a row|calling|about|saying|within|all)\b",
    r"\bthe usual (?:defenders|suspects|crowd|accounts|apologists|commenters)\b",
    r"\b(?:these|those|the same|new|fresh) (?:\w+ )?accounts (?:have|all|with|that|who|are)\b",
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+) "
    r"(?:new |different |fresh |anonymous )?accounts "
    r"(?:in|here|under|on|have|keep|all|posting|posted|saying|that|who|with)\b",
    r"\bno other (?:comments|posts)\b",
    r"\b(?:эти|новые|одни и те же) аккаунт\w*",
    r"\bbu hesablar\w*",
    r"\bsame as the (?:\w+ )?(?:ones? |two |three )?above\b",
    r"\bкомментари\w* подряд\b",
    r"\b(?:два|три|четыре|пять|несколько) (?:\w+ )?комментари\w*",
    r"\b(?:iki|uc|dord|bes) (?:\w+ )?serh\w*",
    # counting the wave's stories: "four different stories in one day"
    r"\b(?:two|three|four|five|six|several) (?:different |new )?"
    r"(?:stories|versions|allegations|accusations)\b",
    r"\b(?:две|три|четыре|пять|несколько) (?:разных |новых )?(?:истори|верси|обвинени)\w*",
    r"\b(?:iki|uc|dord|bes) (?:ferqli |yeni )?(?:hekaye|versiya|ittiham)\w*",
    r"\bout of nowhere\b",
    r"\bwhataboutism\b",
    r"\bpaid (?:by the (?:government|regime|state)|commenters|shills?)\b",
    r"\bshills?\b",
    r"\bтролл\w*",
    r"\bбот\w*",
    r"\bкто вам платит\b",
    r"\bсколько вам плат\w*",
    r"\bметодичк\w*",
    r"\bпод копирку\b",
    r"\btrol\w*",
    r"\bbot(?:lar)?\b",
    r"\bsize kim (?:pul|maas)\w*",
)
# A reply that opens like this disagrees with the message it answers.
DISAGREE_OPENINGS = (
    r"^\W*(?:no|nope|wrong|false|nonsense|rubbish|garbage|bullshit|bs|lol|ridiculous|absurd"
    r"|not true|that'?s not true|that is not true|this is not true|untrue|utter nonsense"
    r"|you are wrong|you'?re wrong|stop|shame on you|come on|seriously"
    r"|ah yes|oh yes|oh sure|sure thing|yeah right|really"
    r"|нет|неправда|чушь|бред|ерунда|враньё|вранье|ложь|стыдно|бросьте"
    r"|yox|yalandir|cefengiyyat|bos soz|utan)\b",
    # an echo of the words answered, as a question or in quotes: "Old news? It was
    # this September.", "'Voluntary'. The teachers say ..."
    r"^\W*(?:\w+\W+){0,2}\w+\?",
    r"^\s*['\"“‘][^'\"”’]{1,30}['\"”’][.?!]",
)
# ... and this agrees with it.
# A reply may open by naming whom it answers ("Viktor, quite right") or with an
# intensifier ("completely agree"): the cue follows.
_VOCATIVE = (
    r"^\W*(?:[^\W\d_]+(?: [^\W\d_]\.?)?, )?"
    r"(?:(?:all|quite|completely|totally|fully|всё|все|полностью|совершенно|tamamile) )?"
)
AGREE_OPENINGS = (
    _VOCATIVE
    + r"(?:exactly|agreed|i agree|agree|well said|well put|spot on|so true|true|right|indeed"
    r"|absolutely"
    r"|точно|согласен|согласна|верно|именно|правильно|да|dogrudur|razıyam|raziyam|haqlisiniz)\b",
    # marks that end in punctuation, where a word boundary cannot follow
    r"^\W*(?:this\s*[.!]|100\s*%|\+1)",
)

_FOLD = str.maketrans({"ə": "e", "ı": "i", "ğ": "g", "ş": "s", "ç": "c", "ö": "o", "ü": "u"})


def fold(text: str) -> str:
    """Lower case without accents, one space between words: what the patterns read.
    Azerbaijani and Turkish letters fold to their Latin neighbours so that a
    name or word typed on a keyboard without them still meets its other spelling."""
    text = text.casefold().translate(_FOLD)
    # Cyrillic й is a letter of its own, not и with an accent: it keeps its mark.
    text = unicodedata.normalize("NFKD", text).replace("и\u0306", "й")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((f.name, re.compile("|".join(f.patterns))) for f in FRAMES)


_CRITIC = re.compile("|".join(CRITIC_CUES))
_DISAGREE = re.compile("|".join(DISAGREE_OPENINGS))
_AGREE = re.compile("|".join(AGREE_OPENINGS))


# Words in quotation marks are mentioned, not used: "'lobby' five times",
# 'Ah yes, the "foreign agents" again'.
_QUOTED = re.compile(r"[\"“”«»„]([^\"“”«»„]{1,300})[\"“”«»„]|(?<!\w)'([^']{1,80})'(?!\w)")


# A frame said under a negation is denied, not pushed: "it was not really about
# money", "nobody paid them", "without pretending that every critic belongs to a
# lobby": a negation earlier in the same clause, within NEGATION_REACH characters.
NEGATION_REACH = 60
_NEGATED = re.compile(
    r"\b(?:not|no|nobody|never|nothing|without|isn'?t|wasn'?t|aren'?t|weren'?t|doesn'?t"
    r"|don'?t|didn'?t|не|нет|ни|никто|никогда|hec)\b[^.,!?;:]*$"
)


# "Nobody asks who pays them" asks it: a negated verb of saying is rhetoric.
_RHETORICAL = re.compile(
    r"\b(?:nobody|no one|noone|никто не)\s+(?:ever\s+)?(?:asks?|mentions?|talks?|says?|wonders?"
    r"|writes?|reports?|спрашивает|говорит|пишет)\b"
)


# "I would believe it if they were not financed from abroad" says they are: a
# negation inside a condition asserts the frame.
_COUNTERFACTUAL = re.compile(r"\b(?:if|unless|если бы|если б|eger)\b[^.,!?;:]*$")


def frames_in(folded: str) -> dict[str, str]:
    """The frames a folded text makes, each with the words that made it (words it
    quotes do not count)."""
    used = _QUOTED.sub(" ", folded)
    out = {}
    for name, pattern in _compiled():
        for match in pattern.finditer(used):
            before = used[max(0, match.start() - NEGATION_REACH) : match.start()]
            negated = _NEGATED.search(before)
            if (
                not negated
                or _RHETORICAL.search(before)
                or _COUNTERFACTUAL.search(before[: negated.start()])
            ):
                out[name] = match.group(0)
                break
    return out


def echoes(reply: str, answered: str) -> bool:
    """The reply puts the answered message's own words in quotation marks: a
    scare-quoted echo ("Again the 'foreign grant' tale") mocks what it quotes;
    or asks them back as a question."""
    for match in _QUOTED.finditer(reply):
        quoted = (match.group(1) or match.group(2) or "").strip()
        words = [w for w in re.findall(r"\w+", quoted) if len(w) >= 4]
        if words and all(w in answered for w in words):
            return True
    # Or its first or last sentence is a question that takes up two of the
    # answered message's words ("New buses: the ones they drove people in face
    # down?", "... Were those timed for the summit as well?").
    sentences = _SENTENCE.findall(reply)
    said = set(re.findall(r"\w+", answered))
    for sentence in {sentences[0], sentences[-1]} if sentences else ():
        if sentence.rstrip().endswith("?"):
            taken = {w for w in re.findall(r"\w+", sentence) if len(w) >= 4}
            if len(taken & said) >= 2:
                return True
    return False


_SENTENCE = re.compile(r"[^.!?]*[.!?]+")


LISTED_PHRASES = 3
# "So everyone who disagrees with you is a bot?" answers a critic: it turns the
# critic's words back on them and is said from the wave's side; so is a denial.
_TURNED_BACK = re.compile(
    r"\b(?:every(?:one|body)|any(?:one|body)) who (?:disagrees|argues|objects|does not agree)"
    r" with (?:you|them)\b"
    # "Not everyone who disagrees is a bot", "I am not a troll": a denial, said by
    # the one called so
    r"|\bnot every(?:one|body) who (?:disagrees|argues|objects|questions)\w*"
    r"|\b(?:i'?m|i am|we'?re|we are) not (?:a |an |some )?(?:paid )?(?:bots?|trolls?)\b"
    r"|\bкто (?:с вами|с ними) не соглас\w*"
    r"|\b(?:sizinle|onlarla) razilasmayan\w*"
)


def is_critic(folded: str) -> bool:
    """The text speaks of the wave itself: trolls, bots, the same sentence, who pays
    (not when it turns those words back on a critic)."""
    if _TURNED_BACK.search(folded):
        return False
    # Or it lists the wave's phrases, three or more in quotation marks ("in two hours
    # we've had 'grudge', 'fake news' and 'attack on the nation'").
    return _CRITIC.search(folded) is not None or len(_QUOTED.findall(folded)) >= LISTED_PHRASES


def opening(folded: str) -> str | None:
    """'disagree' or 'agree' where a reply opens so, else None."""
    if _DISAGREE.search(folded):
        return "disagree"
    if _AGREE.search(folded):
        return "agree"
    return None
