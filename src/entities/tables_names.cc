// Word lists about how English news writes people's names and how it tells
// a person from a company of the same name. Written for nsearch from general
// knowledge: classes of words (nicknames, stage titles, reporting phrases),
// never the people of any corpus.
#include "entities/tables.h"

namespace nsearch::entities::tables {

// "nickname=formal,formal|...": the first formal name is the one a nickname
// is grouped under ("Chris Smith" joins "Christopher Smith").
const char kNicknames[] =
    "abby=abigail|abe=abraham|al=albert,alan,alfred|alex=alexander,alexandra|"
    "allie=allison|andy=andrew|annie=anne,ann|archie=archibald|art=arthur|"
    "barb=barbara|becky=rebecca|ben=benjamin|benny=benjamin|bernie=bernard|"
    "bert=albert,robert,herbert|beth=elizabeth|betsy=elizabeth|betty=elizabeth|"
    "bill=william|billy=william|bob=robert|bobby=robert|cathy=catherine|"
    "charlie=charles|charley=charles|chris=christopher,christine|chuck=charles|"
    "cindy=cynthia|cliff=clifford|dan=daniel|danny=daniel|dave=david|davey=david|"
    "deb=deborah|debbie=deborah|dick=richard|don=donald|donnie=donald|"
    "doug=douglas|drew=andrew|ed=edward|eddie=edward|eddy=edward|fran=frances|"
    "frank=francis|fred=frederick|freddie=frederick|freddy=frederick|gabe=gabriel|"
    "gene=eugene|gerry=gerald|greg=gregory|hank=henry|harry=henry|howie=howard|"
    "jack=john|jake=jacob|jamie=james|jeff=jeffrey|jen=jennifer|jenny=jennifer|"
    "jerry=gerald|jess=jessica|jim=james|jimmy=james|joe=joseph|joey=joseph|"
    "johnny=john|jon=jonathan|josh=joshua|judy=judith|kate=katherine|"
    "kathy=katherine|katie=katherine|ken=kenneth|kenny=kenneth|larry=lawrence|"
    "libby=elizabeth|liz=elizabeth|lou=louis|louie=louis|maggie=margaret|"
    "mandy=amanda|manny=manuel|marty=martin|matt=matthew|meg=margaret|"
    "mick=michael|mickey=michael|mike=michael|mitch=mitchell|nate=nathan|"
    "ned=edward|nick=nicholas|nicky=nicholas|nikki=nicole|ollie=oliver|"
    "pam=pamela|pat=patrick,patricia|patty=patricia|peggy=margaret|pete=peter|"
    "phil=philip|randy=randall|ray=raymond|rich=richard|richie=richard|"
    "rick=richard|ricky=richard|rob=robert|robbie=robert|ron=ronald|"
    "ronnie=ronald|rudy=rudolph,rudolf|russ=russell|sam=samuel,samantha|"
    "sammy=samuel|sandy=sandra|stan=stanley|steve=steven,stephen|"
    "stevie=steven|sue=susan|susie=susan|ted=edward,theodore|teddy=theodore|"
    "terry=terence|tim=timothy|timmy=timothy|tom=thomas|tommy=thomas|"
    "tony=anthony|vicky=victoria|vince=vincent|vinny=vincent|walt=walter|"
    "wally=walter|will=william|willie=william|zach=zachary|zack=zachary";

// A title that, before a word that is not a given name, is part of the name
// itself: a stage name or a style ("Lady X", "Queen X", "Prince X").
const char kStageTitles[] = R"(
lady lord dame queen king prince princess
)";

// Titles of an office, rarely a surname: inside a run of capitalised words
// they start a new name ("Peter Vallone Jr. Mayor Bloomberg").
const char kOfficeTitles[] = R"(
mayor gov governor sen senator rep representative president councilman
councilwoman councilmember assemblyman assemblywoman assemblymember comptroller
commissioner secretary minister premier ambassador congressman congresswoman
mr mrs ms dr detective officer sgt lt capt prof professor rabbi rev
)";

// Address forms of kin used like a title ("Grandpa Smith"): never part of a
// canonical name.
const char kKinTitles[] = R"(
grandpa grampa grandma granny nana papa mama uncle aunt auntie
)";

// A lower-case word right after a name that makes it a person ("the Smith
// administration", "the Smith campaign"), also after a possessive.
const char kPersonAfter[] = R"(
administration campaign presidency mayoralty governorship tenure era
reelection re-election legacy aides aide camp wife husband
)";

// Words before a name that make it a news outlet or a company, not a person
// ("according to X", "via X"): each entry is one to three words.
const char kOrgBefore[] =
    "according to|via|reported by|report by|reports from|data from|analysis by|"
    "survey by|poll by|shares of|stake in|owned by|bought by|acquired by|"
    "subscribers of";

// Words before any name, even one shaped like a person's, that make it a
// company ("an analyst at X", "shares of X", "a unit of X").
const char kCompanyBefore[] =
    "analyst at|analysts at|economist at|economists at|strategist at|strategists at|"
    "dealer at|dealers at|trader at|traders at|broker at|brokers at|banker at|"
    "bankers at|shares of|shares in|stake in|unit of|subsidiary of|division of|"
    "acquired by|merger with|takeover of|bid for|brokerage|brokers";

// The same for a one-word name only: an interviewer has a full name ("told
// Anderson Cooper"), an outlet has one word ("told Bloomberg").
const char kOutletBefore[] =
    "told|interview with|an interview with|speaking to|speaking with|talking to|"
    "talked to|spoke to|spoke with|sued";

// Lower-case words right after a name that make it an outlet or a company
// ("X reports", "a X reporter", "X shares").
const char kOrgAfter[] = R"(
reports reported reporter reporters report columnist columnists editor editors
writer writers correspondent correspondents terminal terminals shares stock
stocks subscribers subscriber employees employee headquarters stores store
customers products
)";

}  // namespace nsearch::entities::tables
