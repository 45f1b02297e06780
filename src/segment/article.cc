#include "nsearch/article.h"

namespace nsearch {

std::string_view KindName(ParagraphKind kind) {
  switch (kind) {
    case ParagraphKind::kBody:
      return "body";
    case ParagraphKind::kHeading:
      return "heading";
    case ParagraphKind::kCaption:
      return "caption";
    case ParagraphKind::kCredit:
      return "credit";
    case ParagraphKind::kBoilerplate:
      return "boilerplate";
  }
  return "body";
}

bool ParseKind(std::string_view name, ParagraphKind* kind) {
  for (ParagraphKind k : {ParagraphKind::kBody, ParagraphKind::kHeading, ParagraphKind::kCaption,
                          ParagraphKind::kCredit, ParagraphKind::kBoilerplate}) {
    if (KindName(k) == name) {
      *kind = k;
      return true;
    }
  }
  return false;
}

bool IsSearchable(ParagraphKind kind) {
  return kind == ParagraphKind::kBody || kind == ParagraphKind::kHeading ||
         kind == ParagraphKind::kCaption;
}

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kPlace:
      return "place";
    case EntityType::kOrg:
      return "org";
  }
  return "person";
}

}  // namespace nsearch
