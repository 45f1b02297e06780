#include "segment/boilerplate_lexicon.h"

#include <string>
#include <unordered_map>

namespace nsearch::segment::lexicon {
namespace {

// Short lists on purpose: the classifier needs the frequent function words of
// each language (jusText's signal), not a complete stop list.
constexpr std::string_view kStopWords[kLangCount] = {
    // English
    "a about above after again against all also am an and any are as at be because been "
    "before being below between both but by can could did didn't do does doesn't don't "
    "down during each few for from further had has have having he he's her here hers him "
    "his how i i'd i'm i've if in into is isn't it it's its itself just may me might more "
    "most must my no nor not now of off on once only or other our out over own said same "
    "says shall she should so some such than that that's the their them then there "
    "there's these they they're this those through to too under until up very was "
    "wasn't we we're were what when where which while who whom why will with won't "
    "would you you're your yours can't",
    // Portuguese
    "a o as os um uma uns umas de do da dos das em no na nos nas por pelo pela pelos "
    "pelas para com sem que e ou mas se nao sim mais menos muito muita como quando onde "
    "ao aos seu sua seus suas ele ela eles elas eu voce foi ser sao esta estao esse "
    "essa isso este isto ja tambem aqui so ate sobre entre depois antes ha tem pode",
    // Spanish
    "el la los las un una unos unas de del al en y o pero que por para con sin se no "
    "si mas muy como cuando donde su sus lo le les es son fue era esta estan este esto "
    "ese eso ya tambien aqui sobre entre hasta desde porque ha han hay puede yo tu "
    "usted nosotros ellos ella",
    // French
    "le la les un une des du de et ou mais que qui quoi pour par sur dans en au aux "
    "avec sans ce cet cette ces il elle ils elles on nous vous je tu son sa ses leur "
    "leurs ne pas plus est sont etait ete etre a ont avait comme tout tous tres aussi "
    "ici bien deja encore si y c'est qu'il n'est l'on",
    // German
    "der die das den dem des ein eine einen einem einer eines und oder aber nicht kein "
    "keine ist sind war waren wird werden wurde hat haben hatte zu mit auf fur von vom "
    "zum zur im in an am bei nach aus uber unter vor bis durch gegen ohne um sich es er "
    "sie wir ich ihr ihm ihn auch als wie wenn dass noch nur schon sehr so hier da dann "
    "mehr",
};

// Words that, in a short line, are almost always page furniture.
constexpr std::string_view kUiStrongWords =
    // English
    "comment comments commenting reply replies subscribe subscribed subscriber "
    "subscribers subscription unsubscribe newsletter newsletters cookie cookies consent "
    "privacy advertisement advertisements advert adverts ads advertising sponsored "
    "affiliate login signup signin logout username password copyright facebook twitter "
    "instagram whatsapp linkedin pinterest youtube tiktok telegram reddit followers "
    "retweet retweets tweet tweets related trending recommended "
    // Portuguese
    "comentario comentarios comente comentar responder resposta deixe publicidade "
    "anuncio inscrever inscreva inscritos seguidores curtir compartilhar compartilhe "
    "postagem postagens relacionadas relacionados privacidade assine "
    // Spanish
    "comenta respuesta deja publicidad suscribete suscribirse suscripcion compartir "
    "comparte boletin "
    // French
    "commentaire commentaires commenter repondre reponse publicite abonnez abonner "
    "abonnement abonnes partager partagez confidentialite "
    // German
    "kommentar kommentare kommentieren antworten werbung anzeige abonnieren teilen "
    "datenschutz impressum";

// Furniture in a short line, but ordinary words in prose.
constexpr std::string_view kUiWeakWords =
    "post posts posted share shares shared sharing follow like likes link links source "
    "sources website websites site web browser email mail print download app apps click "
    "home menu search read continue watch video videos photo photos gallery "
    "stay connected learn policy terms conditions contact tags tag category categories "
    "archive archives popular latest recent top skip loading rights reserved previous "
    "next prev older newer page pages view login "
    // pt / es / fr / de
    "seguir siga leia veja recentes recente fotos foto site siguenos sigue lee leer ver "
    "sitio recientes suivre suivez lire voir recents folgen lesen weiterlesen";

constexpr std::string_view kTeaserCues =
    "veja leia read also see watch listen related more lea lee mira lire aussi voir "
    "lesen auch mehr siehe plus trending recommended sponsored advertisement saiba "
    "confira";

constexpr std::string_view kSiteVoiceWords =
    "we our ours you your yours nosso nossa nossos nossas voce voces nuestro nuestra "
    "nuestros nuestras usted ustedes nous notre nos vous votre vos wir unser unsere "
    "unseren";

constexpr std::string_view kNetworkWords =
    "facebook twitter instagram whatsapp linkedin pinterest youtube tiktok telegram reddit "
    "snapchat";

constexpr std::string_view kSignOffWords =
    "thanks thank thanx tia advance regards cheers hi hello hey dear best wishes "
    "sincerely yours appreciated appreciate help greetings bye folks everyone netters "
    "obrigado obrigada gracias merci danke gruss grusse saludos cumprimentos cordialement";

constexpr std::string_view kUiPhrases[][2] = {
    {"sign", "up"},        {"log", "in"},         {"read", "more"},        {"see", "also"},
    {"also", "read"},      {"leia", "mais"},      {"saiba", "mais"},       {"leia", "tambem"},
    {"veja", "tambem"},    {"lea", "tambien"},    {"lee", "tambien"},      {"lire", "aussi"},
    {"en", "savoir"},      {"mehr", "lesen"},     {"mehr", "zum"},         {"all", "rights"},
    {"privacy", "policy"}, {"stay", "connected"}, {"follow", "us"},        {"share", "this"},
    {"click", "here"},     {"more", "stories"},   {"continue", "reading"},
};

void AddWords(std::string_view list, uint16_t flag,
              std::unordered_map<std::string, uint16_t>* table) {
  size_t start = 0;
  while (start < list.size()) {
    size_t end = list.find(' ', start);
    if (end == std::string_view::npos) end = list.size();
    if (end > start) (*table)[std::string(list.substr(start, end - start))] |= flag;
    start = end + 1;
  }
}

const std::unordered_map<std::string, uint16_t>& Table() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string, uint16_t>();
    for (int lang = 0; lang < kLangCount; ++lang)
      AddWords(kStopWords[lang], static_cast<uint16_t>(1u << lang), t);
    AddWords(kUiStrongWords, kUiStrong, t);
    AddWords(kUiWeakWords, kUiWeak, t);
    AddWords(kTeaserCues, kTeaserCue, t);
    AddWords(kSiteVoiceWords, kSiteVoice, t);
    AddWords(kSignOffWords, kSignOff, t);
    AddWords(kNetworkWords, kNetwork | kUiStrong, t);
    return t;
  }();
  return *table;
}

}  // namespace

std::string_view LangName(int lang) {
  static constexpr std::string_view kNames[kLangCount] = {"en", "pt", "es", "fr", "de"};
  return lang >= 0 && lang < kLangCount ? kNames[lang] : "?";
}

uint16_t Flags(std::string_view folded) {
  const auto& t = Table();
  auto it = t.find(std::string(folded));
  return it == t.end() ? 0 : it->second;
}

bool IsUiPhrase(std::string_view first, std::string_view second) {
  for (const auto& p : kUiPhrases)
    if (p[0] == first && p[1] == second) return true;
  return false;
}

}  // namespace nsearch::segment::lexicon
