// index/unweighted: the weighting scheme for matches whose order and
// weights do not matter (counting, collecting every matching article).
//
// Xapian 1.4's BoolWeight (and any scheme that needs no wdf) lets the
// matcher read a term that occurs in every document through the
// all-documents list instead of the term's own; on an index whose
// document-length list spans several chunks (one that had articles removed
// in place, then compacted) that read fails with "Unexpected end of posting
// list" (seen with 1.4.22). This scheme asks for wdf, so every term is read
// through its own posting list, and gives every match the weight 0.
#ifndef NSEARCH_INDEX_UNWEIGHTED_H_
#define NSEARCH_INDEX_UNWEIGHTED_H_

#include <xapian.h>

#include <string>

namespace nsearch::index {

class Unweighted : public Xapian::Weight {
 public:
  Unweighted() { need_stat(WDF); }
  Unweighted* clone() const override { return new Unweighted; }
  void init(double) override {}
  std::string name() const override { return "nsearch::Unweighted"; }
  double get_sumpart(Xapian::termcount, Xapian::termcount, Xapian::termcount) const override {
    return 0;
  }
  double get_maxpart() const override { return 0; }
  double get_sumextra(Xapian::termcount, Xapian::termcount) const override { return 0; }
  double get_maxextra() const override { return 0; }
};

// The scheme for counting and collecting: Unweighted, or over remote
// databases BM25 (xapian-tcpsrv knows no nsearch::Unweighted, and BoolWeight
// has the bug above on the server's side too), whose weights are ignored.
inline void SetCountingWeight(Xapian::Enquire& enquire, bool remote) {
  if (remote) {
    enquire.set_weighting_scheme(Xapian::BM25Weight());
  } else {
    enquire.set_weighting_scheme(Unweighted());
  }
}

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_UNWEIGHTED_H_
