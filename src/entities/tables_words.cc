// Word lists written for nsearch from general knowledge. Keep them generic:
// classes of words (given names, titles, head nouns), never names copied from
// an evaluation corpus.
#include "entities/tables.h"

namespace nsearch::entities::tables {

const char kGivenNames[] = R"(
aaron abby abdel abdul abdullah abel abraham adam adrian adriana agnes ahmad ahmed
aidan akira alan alain albert alberto alejandro aleksandr aleksander aleksei alessandro
alex alexander alexandra alexandre alexei alexey alfonso alfred alfredo ali alice alicia
alison allan allen alvaro amanda amber amir amy ana anastasia anatoly anders andre
andrea andreas andrei andres andrew andrey andrzej andy angel angela angelo anita
ann anna anne annie anthony antoine anton antonio anwar april arnold arthur arturo
ashley ashraf asif audrey augusto aung barack barbara barry bashar basil beatrice
ben benjamin benoit bernard bernd bernhard beth betty bill billy bjorn blake bob
bobby bogdan boris brad bradley brandon brenda brendan brett brian bridget bruce
bruno bryan byron caitlin calvin cameron camille carl carla carlo carlos carmen
carol caroline carolyn catherine cecilia cesar chad charles charlie charlotte chen
cheryl chris christian christina christine christoph christophe christopher chuck
cindy claire clara clarence claude claudia claudio clint colin connor constantin
craig cristina cristiano curtis cynthia dale dalia dan daniel daniela daniele danny
dario darren dave david dean debbie deborah denis denise dennis derek diana diane
diego dieter dimitri dimitris dmitri dmitry dominic dominique don donald donna doris
dorothy doug douglas duncan dustin dwight eamon earl ed eddie edgar edith edmund
eduard eduardo edward edwin elena eli elias elijah elisabeth elizabeth ella ellen
emily emma emmanuel enrique eric erik erika ernest ernesto ernst esther ethan eugene
eva evan evelyn evgeny fabian fabio faisal farid fatima federico felipe felix
fernando filip florian frances francesca francesco francis francisco franco francois
frank franz fred frederick friedrich fritz gabriel gabriela gail gareth gary gavin
gene geoffrey george georg georges gerald gerard gerhard giorgio giovanni giuseppe
glen glenn gloria gordon grace graham grant greg gregory guido guillaume gunter
gustavo guy hamid hannah hans harold harriet harry hassan hector heinz helen helena
helmut henri henrik henry herbert hideki hillary hiroshi holly howard hugh hugo
hussein ian igor ilya imran ingrid irene iris isaac isabel isabella ismail ivan
ivana jack jacob jacqueline jacques jaime jake james jamie jan jane janet janice
jason javier jay jean jeff jeffrey jennifer jens jeremy jerome jerry jesse jessica
jesus jill jim jimmy jo joachim joan joanna joao joe joel johan johann johannes john
johnny jon jonas jonathan jordan jorge jose josef joseph josh joshua juan judith
judy julia julian julie julio jun jurgen justin kai kamal karen karim karin karl
kate katherine kathleen kathryn kathy katie keith kelly ken kenneth kenji kerry
kevin khaled khalid kim kirk klaus konstantin kristen kurt kyle lance larry laura
lauren laurent lee leo leon leonard leonid leslie lewis liam linda lindsay lindsey
lisa lorenzo louis louise luc luca lucas lucia luis luigi luke lynn magnus mahmoud
malcolm manuel marc marcel marco marcus margaret maria marian marianne marie marina
mario marion mark marta martha martin martina mary mathieu matt matteo matthew
matthias maurice max maxim maxime megan mehmet melanie melissa michael michel
michele michelle miguel mikhail miklos milan miller milos mitch mohamed mohammad
mohammed monica morgan muhammad murray nadia nancy naomi natalia natalie nathan
neil nelson nicholas nick nicola nicolas nicole nigel nikita nikolai nikolay noah
norbert norman oleg olga oliver olivia omar oscar otto owen pablo paolo pascal
pat patricia patrick paul paula pauline pavel pedro peggy penny per pete peter
petr petra phil philip philippe phillip pierre pietro piotr rachel rafael raj rajiv
ralph ramon randy raul ray raymond rebecca regina reinhard rene ricardo riccardo
richard rick rob robert roberto robin rod rodney roger roland rolf roman ron ronald
rosa rose ross roy ruben rudolf rudy russell ruth ryan sabine sally salman sam
samantha samuel sandra sara sarah scott sean sebastian sergei sergey sergio seth
shane sharon shaun sheila shirley simon simone sofia sonia sophie stanley stefan
stefano stephanie stephen steve steven stuart susan suzanne svetlana sylvia tamara
tanya tara ted teresa terry theo theodore theresa thierry thomas tim timothy tina
toby todd tom tomas tommy toni tony tracy travis trevor tyler ulrich uwe valentin
valentina valery vanessa vasily vera veronica victor victoria vincent vincenzo
viktor viktoria vitaly vladimir volker volodymyr walter warren wayne wendy werner
wesley will william willie wolfgang xavier yasser yevgeny yitzhak yoshihiro yuri
yury yusuf zbigniew zoltan zoran
abu akbar alessandra alexis alvin amos andrzej antonin ariel arjun arne asa
benedict benny bertrand boyd brigitte cedric chantal clifford conrad cyril dag
damien dana darius dean declan delroy desmond dirk dmytro dolores domingo dorota
edouard efrain elmar elvis emil emilio enzo erich ernie errol esteban eusebio
fabrice fatos fidel floyd franck frantisek fredrik gaston geert gert gianluca
gianni gilbert gilles giorgos goran gottfried gunnar gustav hakan hamza hank
harvey heidi heinrich heinz hendrik herman horst hubert ibrahim ignacio ilan imre
ivo jacek jaroslav javed jerzy jiri joaquin jochen jock jolanta jozef juha julius
jussi karel kazuo kemal kieran kjell knut krzysztof lajos lars laszlo lech lennart
leopold lionel lothar ludwig lukas manfred marat marek mariusz marko mats mattias
mauro mikael miroslav mohsen moshe mustafa nasser nawaz nenad niels nikola nils
ole olaf osvaldo ottmar pal pavol pekka pieter primoz radovan rainer ramiro reza
rinat rolando rune sadiq saeed salim sami sandor sergiy shimon silvio slobodan
soren stanislav sten sven tadeusz takeshi tariq thabo tibor timo tomasz torsten
ulf vaclav vijay vikram vitali vladislav vojislav wim wladimir yannick yaw yevhen
yossi zdenek zhang zinedine
lesya lesia oksana yulia yuliya iryna olena natalya tatiana tatyana ludmila lyudmila
galina nina zoya larisa marta ekaterina yekaterina kateryna anastasiya sviatlana
kamala rishi narendra shinzo fumio xi li hu wen jiang deng kofi nelson jacinda
justin emmanuel recep benjamin joe kamala keir liz boris theresa angela olaf
sanna jens ursula charles volodymyr sergei dmitry vladimir marco jd lindsey eric
richard mitch chuck nancy kevin hakeem antony lloyd jake mike ron nikki gavin
kristi greg tucker sean pete tulsi kash elon jeff mark sundar satya tim
aaliyah abigail adele adrienne aileen alana alec alexa alfie alistair allison
alyssa amelia andre andrea angie anya archie ari arlene arturo audra
ava barney becky belinda bernadette bernie beverly bianca bonnie brady brent
brittany bryce buddy caleb candace carey carly carmelo carole casey
cassandra cathy cheryl chloe christie ciara clayton cliff
clyde cody colleen conor corey courtney crystal cyrus daisy damon dane
daphne darla darryl dave dawn dean deanna debra deirdre delia denzel derrick
devin dexter dianne dick dolly dominick donnie drew dwayne dylan edna eileen
elaine eleanor elise eliza ellie elliot elliott eloise elton emilia erin ernie
estelle ethel eugenia evelyn everett fay felicia fiona flora
forrest frankie freddie freddy gabe gabrielle garrett gayle gemma gene genevieve
geraldine gina ginger gladys glenda greta gretchen gus gwen
gwendolyn hailey hal haley hank harriet hattie hayden hazel heather hilary
howie ira isaiah jackie jaden jared jasmine jeanette jeanne
jenna jenny jeremiah jerome jess jillian joanne jocelyn jodi jody joey jolene
jonah josie joyce juanita judd jules justine kara karina kathy kay
kayla keegan kelsey kendall kenny kerri kim kimberly kirsten kit kris
kristin kristina kurt lacey lana lance latoya leah leigh lena leroy les leticia
letitia lillian lily lindsay lionel lois lola lorna lorraine lou louie lucille
lucy luther lydia mabel mackenzie madeline mae maggie mandy marcia
marcy margo marilyn marjorie marla marlon marsha marvin mason matilda mattie
maureen mavis maxine meg melinda melvin meredith mia mickey mildred millie
milton mindy miranda misty mitchell molly mona myra myrtle nadine ned nell
nellie nicky nina noel nora norma odessa olive ollie opal oprah ozzie
paige pam pamela patsy patti patty paulette percy perry phoebe
phyllis polly preston priscilla quentin quincy rachael rae ralph ramona randall
randolph reba reggie rhonda ricky riley rita robbie roberta rocco
rocky rodrigo rollo ronnie rosalind rosemary rosie roxanne rudolph rufus
russ sabrina sadie sally sammy sasha selena selma serena seymour
shannon shari shawn shelley sheldon sherry sidney sonny
stacey stacy stella stewart stu sue susie suzy tabitha
tammy teddy tess tessa thelma tiffany tiger tina tobias tom tonya tori
tracey trent trey trudy tucker ty valerie vance vern vernon vicky vince viola
violet virgil vivian wallace wanda warren wilbur willa winston
wyatt yolanda yvette yvonne zach zachary zack zelda zoe
adebayo ade babatunde chinedu chidi kwame kofi kwesi ama abena oluwaseun olu
tunde emeka ngozi amina fatou mamadou moussa ousmane abdou seydou cheikh
thabo sipho themba nkosi jomo uhuru raila yoweri paul ellen jakaya
aditya akshay amit anand anil anjali arvind ashok deepak dev gaurav harsh
kiran krishna kumar lakshmi manish manoj meera mohan mukesh neha nikhil nitin
pooja prakash pranab priya rahul rajesh rakesh ram ravi rohit sachin sanjay
sanjeev sunil suresh sushma vinod vivek yash zubin sanath arjuna aravinda
chaminda roshan kumara upul hashan asanka romesh muttiah muthiah mahinda
waqar wasim shoaib javed imran younis inzamam shahid saqlain moin rashid
hyun jae jin jung kyung seung yong ji hye eun soo hiroshi
haruki ichiro kazuki kenta koji makoto masahiro naoki noriko satoshi shinji
takashi taro tetsuya yoko yoshi yuki yukio wei jian xiao yan lei
jun hui feng qiang chun tao ling lin nguyen minh thanh anh duc tuan
mihai ion gheorghe florin cosmin adrian dan dorin marius razvan sorin
vasile constantin ionut nicolae luli mircea valentin bogdan catalin
kari kaja sigrid solveig ingrid liv astrid bjorn terje trond geir oddvar
tomas vytautas algirdas arvydas darius danius rimas sarunas gediminas
janis andris valdis raimonds juris maris arvo toomas tiit jaan
zenon zbigniew wojciech jaroslaw pawel grzegorz marcin lukasz kamil
semyon gennady vyacheslav anatoli yevgeni valeri aleksandr leonid arkady
ruslan ramzan akhmad dzhokhar shamil aslan magomed zurab eduard levan
giorgi mikheil irakli nino tamar ilham heydar haim nir avi eitan ehud
ariel yair naftali benny gilad amos uri moshe yosef zvi dov meir
emese zsolt gabor gyula istvan janos laszlo peter tamas balazs attila
didier fabien gael herve jerome julien ludovic olivier romain sylvain thibaut
yann yves arsene laurent emile remy corentin youri zinedine bixente
emiliano gianfranco gianluigi massimo maurizio nando pierluigi roberto
salvatore sandro ugo walter fabrizio alessio andrea marcello paolo
joost johan ruud dennis marco patrick edwin clarence jaap ronald frank
sergen hakan tugay rustu emre arda burak cem ozan tolga volkan
marcelo ronaldo rivaldo romario bebeto dunga cafu ze leandro thiago
malivai leander olin neal ato desi amra mishi kamil armando lubomir
jozef ladislav milan miroslav peter stefan vladimir ondrej jakub
goran dragan zlatko zvonimir davor slaven predrag mladen srdjan nebojsa
boban dejan aleksandar bojan vlade ljubomir momcilo radoslav dusan
hun sok chea prak noynoy benigno ferdinand rodrigo gloria corazon
)";

const char kPersonTitles[] = R"(
mr mrs ms miss dr prof professor sir dame lord lady madam mister
president vice-president premier chancellor minister ministers secretary senator
sen sens rep reps representative congressman congresswoman governor gov mayor
ambassador envoy commissioner chairman chairwoman chairperson chair ceo cfo
director spokesman spokeswoman spokesperson judge justice magistrate prosecutor
attorney general gen admiral adm colonel col lt lieutenant captain capt major maj
sergeant sgt corporal commander cmdr marshal brigadier
king queen prince princess emperor empress sultan emir sheikh shah pope cardinal
archbishop bishop rabbi imam ayatollah reverend rev father pastor
coach manager striker midfielder defender goalkeeper keeper forward captain
skipper batsman bowler pitcher quarterback champion
leader chief deputy advisor adviser aide economist analyst researcher
official officials executive president-elect secretary-general assistant councillor councilman alderman
detective inspector superintendent constable officer
comptroller advocate speaker assemblyman assemblywoman assemblymember
councilmember councilwoman
)";

// Words that can sit inside a title phrase before a name ("Foreign Minister",
// "Senate Majority Leader", "Secretary of State").
const char kTitleModifiers[] = R"(
prime foreign defence defense finance interior justice trade economy economic
state home health education energy environment agriculture labour labor
transport transportation treasury commerce industry culture sports information
deputy vice acting former interim first senior chief executive managing general
assistant associate special presidential parliamentary ministerial royal military
 principal national federal regional majority minority
party opposition army navy air force police security intelligence central
affairs development planning housing communications tourism fisheries
staff head team club union league bank company group world supreme high
public borough
)";

const char kOrgHeads[] = R"(
inc inc. corp corp. corporation co co. ltd ltd. llc lp llp plc ag sa nv gmbh bv spa
oyj ab asa kk limited incorporated holdings holding group groupe company companies
bank banks bancorp banco banque trust fund funds capital securities investments
partners ventures insurance assurance financial finance exchange bourse
airlines airline airways aviation motors motor automotive industries industrial
systems technologies technology software electronics electric communications
telecom telecommunications networks media broadcasting television radio news
newspaper times post journal herald tribune gazette telegraph chronicle press
magazine pharmaceuticals pharmaceutical pharma chemicals chemical petroleum oil
gas energy power utilities mining minerals metals steel resources foods
brewery breweries brewing stores retail shipping lines railways railway rail
party parties ministry ministries department dept office bureau agency agencies
authority authorities commission commissions committee committees council
councils board assembly parliament senate congress cabinet government administration
court tribunal university college school academy institute institution
foundation society association associations federation confederation union
unions league alliance coalition front movement organisation organization
organisations organizations service services army navy police guard force forces
command brigade regiment battalion militia rebels church mosque synod
programme program programmes programs fund initiative mission
hospital clinic museum library orchestra theatre club fc afc cf sc ac
united rovers rangers wanderers athletic athletico atletico albion hotspur
wednesday city county town villa palace olympique sporting dynamo dinamo spartak
lokomotiv celtic academicals argyle alexandra orient vale
center centre centers centres lab labs laboratories studios pictures records entertainment publishing
newsroom newsdesk
)";

// Club names often start with these ("Real Madrid", "Inter Milan").
const char kOrgPrefixes[] = R"(
real inter ac as fc sc sv vfb vfl tsv fk nk sk hnk cska psv ajax olympique
sporting dynamo dinamo spartak lokomotiv torpedo racing deportivo atletico
athletic borussia bayer eintracht hertha werder fortuna hapoel maccabi
beitar galatasaray fenerbahce besiktas
)";

const char kPlaceHeads[] = R"(
city province provinces state region district county island islands isle isles
river sea ocean lake lakes bay gulf strait straits peninsula valley mountains
mountain mount hills desert coast canal channel basin plateau plain plains
forest park square street avenue road bridge airport harbour harbor port
republic kingdom emirate emirates territory territories oblast krai
)";

const char kPlacePrefixes[] = R"(
north south east west northern southern eastern western central upper lower
new san santa sao st st. saint fort mount mt port lake cape
)";

const char kMiscHeads[] = R"(
cup open championship championships games olympics olympic prix trophy award
awards prize tournament series classic marathon festival war act bill treaty
accord accords agreement day week declaration doctrine plan initiative index
summit conference one bowl show
)";

const char kDemonyms[] = R"(
afghan albanian algerian american andorran angolan argentine argentinian armenian
australian austrian azerbaijani azeri bahraini bangladeshi belarusian belarussian
belgian bolivian bosnian brazilian british briton bulgarian burmese burundian
cambodian cameroonian canadian chadian chilean chinese colombian congolese
croatian croat cuban cypriot czech danish dane dutch dutchman ecuadorean
ecuadorian egyptian emirati english eritrean estonian ethiopian european fijian
filipino finnish finn french frenchman gabonese gambian georgian german ghanaian
greek guatemalan guinean haitian honduran hungarian icelandic indian indonesian
iranian iraqi irish israeli italian ivorian jamaican japanese jordanian kazakh
kenyan korean kosovar kurdish kurd kuwaiti kyrgyz laotian latvian lebanese
liberian libyan lithuanian luxembourger macedonian malagasy malawian malaysian
malian maltese mauritanian mexican moldovan monegasque mongolian montenegrin
moroccan mozambican namibian nepalese nepali nicaraguan nigerian nigerien norwegian
omani pakistani palestinian panamanian paraguayan persian peruvian polish pole
portuguese qatari romanian russian rwandan salvadoran samoan saudi scottish scot
senegalese serbian serb singaporean slovak slovakian slovenian slovene
somali sudanese spanish spaniard swedish swede swiss syrian taiwanese
tajik tanzanian thai tibetan togolese tongan trinidadian tunisian turkish turk
turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni
yugoslav zambian zimbabwean
arab arabic african asian latin nordic scandinavian baltic balkan caribbean
western eastern soviet communist socialist democratic republican conservative
liberal labour christian catholic protestant orthodox muslim moslem islamic
islamist jewish jew hindu sikh buddhist democrat shi'ite shiite sunni sunnite
hutu tutsi tamil sinhalese pashtun uighur uyghur chechen kosovo-albanian
english french german spanish italian portuguese russian chinese japanese
hebrew greek latin hindi urdu swahili mandarin cantonese
european eurasian pan-european transatlantic
)";

// Capitalised at a sentence start or in a heading, these are ordinary words.
const char kStopwords[] = R"(
a an the this that these those there here it its he she they we i you his her
their our my your him them us me and but or nor so yet for if when while after
before as at by in on of to from with without into onto about above below under
over during since until though although because however meanwhile also then thus
still now today yesterday tomorrow tonight no not only all some many most few
several both each every any one two three four five six seven eight nine ten
other another such what which who whom whose where why how is are was were be
been has have had do does did will would shall should can could may might must
old according despite following including like unlike instead just even
among amid against via toward towards upon within throughout beyond behind
across around between
more less much very well last next first second third earlier later recently
yes oh please thanks thank dear hello hi sorry ok okay
january february march april june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
tues thur thurs
source sources related photo video watch read more click share subscribe
advertisement comment comments reply log sign privacy terms cookie cookies
chapter section page part figure table note notes update updated editing
total results result standings table round group pool division attendance
half-time halftime scorers scorer leading final semifinal semifinals quarterfinal
quarterfinals played won drawn lost points goals
mr mrs ms
god lord sir
euro euros gmt edt est cet bst pm am
tv pdf dj gps dna hiv atm suv led usb hd dvd cd mp3 url faq ok id iq icu
lgbt lgbtq lgbtqia asap rsvp vip mvp bbq diy rip omg lol aka etc ipo gdp
)";

const char kNameParticles[] = R"(
van von der den de da di du del della dos das le la ter ten bin ibn al el abu ben
zu y e
)";

const char kSpeechVerbs[] = R"(
said says say told tells added asked explained warned argued noted wrote writes
stated declared insisted replied claimed believes thinks tweeted testified
pleaded died resigned recalled admitted joked laughed
)";

// Lower-case roles that introduce a person ("actor John Doe", "said
// spokeswoman Jane Roe"). Only read lower-case, before a run: capitalised
// they open titles of works ("Star Wars") as often as names.
const char kRoleNouns[] = R"(
actor actress singer rapper comedian comic musician artist painter sculptor
photographer writer author novelist poet playwright journalist reporter columnist
editor publisher producer filmmaker designer chef owner founder co-founder
resident residents victim suspect defendant plaintiff witness neighbor neighbour
landlord tenant student teacher principal activist organizer organiser advocate
developer architect candidate challenger incumbent lawmaker legislator
councilmember councilwoman assemblyman assemblywoman assemblymember
congressmember trooper firefighter doctor nurse priest minister lawyer
attorney broker banker investor billionaire millionaire mogul entrepreneur
star host anchor dancer choreographer drummer guitarist bassist vocalist
frontman frontwoman athlete player pitcher boxer runner cyclist swimmer
member economist historian scientist professor researcher scholar mother father
son daughter wife husband brother sister boyfriend girlfriend widow
)";

// "X's wife": after a possessive these make X a person.
const char kKinWords[] = R"(
wife husband son daughter sons daughters mother father mom dad brother
sister brothers sisters parents children kids widow widower fiance fiancee
girlfriend boyfriend uncle aunt nephew niece cousin grandmother grandfather
grandson granddaughter lawyer lawyers attorney attorneys spokesman spokeswoman
spokesperson publicist death funeral
)";

// Places and facilities named by their last word. Checked after the
// given-name rule, since most of them are also surnames ("Jerry Hall").
const char kFacilityHeads[] = R"(
heights village slope station terminal plaza hall stadium arena field
boulevard parkway expressway highway turnpike tunnel terrace garden gardens
hill beach point pier piers yard yards wharf building tower towers houses
cemetery courthouse playground lane drive place
)";

// A run that starts with one of these names a storm, an event or a date,
// not a person ("Hurricane Sandy", "Superstorm Sandy").
const char kMiscPrefixes[] = R"(
hurricane superstorm storm tropical typhoon cyclone operation
)";

}  // namespace nsearch::entities::tables
