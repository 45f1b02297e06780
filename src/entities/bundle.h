// entities/bundle: what a bundle says about its people, gathered by a cheap
// first pass (Extractor::Observe) so that every article names a person the
// same way and the index holds one name per person:
//   - full names with local evidence, grouped by identity (names.h): "Mike
//     Bloomberg" and "Michael R. Bloomberg" are shown as the group's most
//     written form, "Michael Bloomberg"; a rare spelling one letter off a
//     common one with the same given name ("Rudy Giulliani") joins it;
//   - a bare surname ("Cuomo") stands for the full name that clearly
//     dominates it; two people sharing it with comparable counts (Bill and
//     Hillary Clinton) leave it as written;
//   - a one-word company name that is also a surname ("Bloomberg") is a
//     person in an article with no cue either way when the bundle's cued
//     articles mostly make it one ("Mayor Bloomberg", "Bloomberg's wife"
//     against "according to Bloomberg");
//   - stage names: "Gaga" is "Lady Gaga" when the bundle writes it so.
//
// The seam for incremental runs: the state is plain counts keyed by strings
// (no pointers into articles, no lexicon), built only from ArticleEvidence
// values, which Extractor::Evidence derives from one article alone. Adding
// and removing an article's evidence are exact inverses, so a store can keep
// each article's ArticleEvidence (or this whole struct) and update the
// bundle when articles change; the derived indexes (tails, identities,
// spelling neighbours) are rebuilt from the counts on the fly and never need
// saving. Display forms are the first surface seen for a key.
#ifndef NSEARCH_ENTITIES_BUNDLE_H_
#define NSEARCH_ENTITIES_BUNDLE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace nsearch::entities {

struct BundleName {
  std::string key;           // token keys joined by ' '
  std::string surface;       // as written
  bool given_first = false;  // starts with a given name or initials
  std::string identity;      // PersonIdentity(key), when given_first
  std::string initials;      // MiddleInitials(key)
  int cue = 0;               // the article's context: +1 person, -1 company, 0 none
};

// What one article contributes to the bundle. Each list holds a key once.
struct ArticleEvidence {
  std::vector<BundleName> names;         // person runs with local evidence
  std::vector<std::string> unexplained;  // person-shaped runs without evidence
  // One-word company names that are also surnames, and how the article's
  // cues typed them: +1 person, -1 company.
  std::vector<std::pair<std::string, int>> surname_orgs;
  // A bare surname and the one identity the article gives it in full:
  // "obama" -> "barack obama", and with its title, "president obama" ->
  // "barack obama".
  std::vector<std::pair<std::string, std::string>> surname_votes;
  // "gaga" -> "Lady Gaga": a one-word person after a stage title.
  std::vector<std::pair<std::string, std::string>> stage_names;
};

class BundleNames {
 public:
  BundleNames() = default;
  // The derived indexes point into the counts' own entries.
  BundleNames(const BundleNames&) = delete;
  BundleNames& operator=(const BundleNames&) = delete;

  void AddArticle(const ArticleEvidence& a) { Apply(a, +1); }
  // The exact inverse of AddArticle with the same evidence.
  void RemoveArticle(const ArticleEvidence& a) { Apply(a, -1); }

  // The full name key |tail| (a surname, or "de blasio") stands for across
  // the bundle, or nullptr when none or ambiguous; |surface| receives the
  // display form. In order: the person the articles that write |title| +
  // |tail| ("President Clinton") and a full name give it, when one has
  // twice the votes of the others; the same over all the articles that
  // write the bare surname (three times); the person who dominates the full
  // names ending in |tail| (kDominance).
  const std::string* FullFor(const std::string& tail, const std::string& title,
                             const std::string** surface) const;

  // The display form of the person with identity |id| (PersonIdentity of a
  // given-first name): the group's most written spelling, or that of a much
  // more common identity one letter off. nullptr when the bundle never saw
  // the name with evidence.
  // A name with middle |initials| keeps to the spellings with the same
  // initials when the group holds several sets of them (George H.W. Bush
  // and George W. Bush); a name without any takes the group's best.
  const std::string* CanonicalSurface(const std::string& id,
                                      const std::string& initials = "") const;

  // True when the run |key| was a person with evidence in at least two
  // articles and in at least a fifth of the articles that wrote it.
  bool IsPersonName(const std::string& key) const;

  // True when the bundle's cued articles make the one-word company name
  // |key| a person: at least kMinArticles of them, and twice the articles
  // that made it a company.
  bool PersonByCues(const std::string& key) const;

  // True when the given-first name with identity |id| is a shop, an outlet
  // or a company written like a person ("Duane Reade", "EV Grieve"): in at
  // least kMinCompanyArticles articles the context made it one ("a Duane
  // Reade", "via EV Grieve") and in at most a quarter of those a person.
  bool CompanyName(const std::string& id) const;
  static constexpr int kMinCompanyArticles = 3;

  // "Lady Gaga" for "gaga" when at least kMinArticles articles wrote the
  // stage title; nullptr otherwise.
  const std::string* StageName(const std::string& key) const;

  size_t size() const { return full_.size(); }

  // A surname maps to its leading person only when that person has at least
  // kMinArticles articles and kDominance times the articles of all the other
  // persons sharing the surname together.
  static constexpr int kMinArticles = 2;
  static constexpr int kDominance = 4;
  // A spelling joins a neighbour one letter off that has kSpellingDominance
  // times its articles and at least kSpellingMin of them.
  static constexpr int kSpellingDominance = 10;
  static constexpr int kSpellingMin = 5;

 private:
  struct Full {
    int articles = 0;
    int person_cued = 0;   // articles whose context made it a person
    int company_cued = 0;  // ... a company
    std::string surface;
    std::string identity;
    std::string initials;
  };
  struct Run {
    int evidence = 0;
    int seen = 0;
  };
  struct Votes {
    int person = 0;
    int org = 0;
  };
  struct Stage {
    int articles = 0;
    std::string surface;
  };
  // A full name's entry in full_: its key and counts. Entries are never
  // erased (a count that falls to 0 stays), so the derived indexes below
  // point at them.
  using FullEntry = std::pair<const std::string, Full>;
  using FullEntries = std::vector<const FullEntry*>;

  // Identities by the one-letter-shorter spellings of their surnames (and
  // the identity itself), for spelling neighbours: an entry per spelling
  // and identity, in the order they came, with an open-addressing table
  // over them by the spelling's hash. A spelling's identities come back in
  // the order they were put (the readers' ties depend on it). Compact: all
  // the identities of the speed benchmark's mix have 300,000 spellings, and
  // a map of strings to vectors of strings held 40 MB of them (near_ holds
  // only the common identities' now).
  class Spellings {
   public:
    void Add(std::string_view spelling, const std::string* identity);
    void Clear();
    // Calls |f| with each identity put under |spelling|, in order.
    template <typename F>
    void ForEach(std::string_view spelling, F&& f) const {
      if (slots_.empty()) return;
      const uint64_t h = Hash(spelling);
      const size_t mask = slots_.size() - 1;
      for (size_t i = h & mask; slots_[i] != 0; i = (i + 1) & mask) {
        const Entry& e = entries_[slots_[i] - 1];
        // A 64-bit hash: two spellings alike in it are taken as one (the
        // readers compare the identities' surnames letter by letter).
        if (e.hash == h) f(*e.identity);
      }
    }

   private:
    struct Entry {
      uint64_t hash;
      const std::string* identity;
    };
    static uint64_t Hash(std::string_view s) { return std::hash<std::string_view>()(s); }
    void Place(uint32_t entry);
    std::vector<Entry> entries_;
    std::vector<uint32_t> slots_;  // entry index + 1; 0 = empty; a power of two
  };

  void Apply(const ArticleEvidence& a, int sign);
  void Index(const FullEntry& full);
  // The spelling neighbours' index, built on first use after the counts
  // last changed.
  const Spellings& Near() const;
  const Full* Best(const std::string& id, const std::string* initials = nullptr) const;
  const std::string* BestKey(const std::string& id, const std::string** surface) const;
  const std::string* Voted(const std::string& key, int dominance) const;
  int Articles(const std::string& id) const;

  // The state (counts).
  std::unordered_map<std::string, Full> full_;  // given-first names
  std::unordered_map<std::string, Run> runs_;
  std::unordered_map<std::string, Votes> votes_;
  std::unordered_map<std::string, Stage> stage_;
  std::unordered_map<std::string, std::unordered_map<std::string, int>> surname_votes_;
  // Derived from full_ keys as they arrive (entries whose count fell to 0
  // are skipped by the readers).
  // tail -> given-first full names ending in it (strictly longer).
  std::unordered_map<std::string, FullEntries> tails_;
  // identity -> full names.
  std::unordered_map<std::string, FullEntries> groups_;
  // groups_ keys in the order they came: the order of near_'s entries.
  std::vector<const std::string*> identities_;
  // identity with one surname letter deleted (and the identity itself) ->
  // identities (groups_ keys), for the identities common enough to be a
  // neighbour (kSpellingMin articles). Built from the counts when first
  // read after they changed; the readers run on several threads at once,
  // so the build is behind a mutex.
  mutable Spellings near_;
  mutable std::mutex near_mu_;
  mutable std::atomic<bool> near_stale_{false};
};

}  // namespace nsearch::entities

#endif  // NSEARCH_ENTITIES_BUNDLE_H_
