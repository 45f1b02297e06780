// Decoding raw bytes to UTF-8. The contract: any byte sequence decodes, never
// throws and never fails; bytes that cannot be decoded become U+FFFD and are
// counted.
#ifndef NSEARCH_INGEST_DECODE_H_
#define NSEARCH_INGEST_DECODE_H_

#include <string>
#include <string_view>

namespace nsearch::ingest {

struct Decoded {
  std::string text;       // valid UTF-8, BOM removed
  std::string encoding;   // "UTF-8", "UTF-16LE", "windows-1252", ...
  int invalid_bytes = 0;  // input bytes replaced by U+FFFD
};

// Decodes |bytes|:
//  - a BOM (UTF-8, UTF-16LE/BE, UTF-32LE/BE) decides the encoding;
//  - valid UTF-8 is taken as is (no charset detection: it is the common case
//    and detection is slow);
//  - otherwise, if |declared| names a charset ICU knows (an HTML <meta>
//    charset), that is used;
//  - otherwise text that is mostly UTF-8 (valid multi-byte sequences at least
//    half as many as invalid ones) stays UTF-8, bad bytes replaced by U+FFFD;
//  - otherwise it is a legacy 8-bit file: ICU charset detection picks the
//    charset, windows-1252 when detection is unsure.
Decoded DecodeText(std::string_view bytes, std::string_view declared = {});
// The same, taking ownership: valid UTF-8 (the common case) is moved into the
// result instead of copied, so a large file is held in memory once.
Decoded DecodeOwned(std::string&& bytes, std::string_view declared = {});

// Copies |in| to |out| replacing each maximal invalid UTF-8 subpart with
// U+FFFD. Returns the number of bytes replaced (0 for valid UTF-8).
int SanitizeUtf8(std::string_view in, std::string* out);

// True when |bytes| is entirely valid UTF-8.
bool IsValidUtf8(std::string_view bytes);

}  // namespace nsearch::ingest

#endif  // NSEARCH_INGEST_DECODE_H_
