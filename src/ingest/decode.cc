#include "ingest/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>

namespace nsearch::ingest {

namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// Length of the valid UTF-8 sequence at the start of |s| (1..4), or 0 if it
// is invalid; then |*bad| is the length of the maximal invalid subpart.
int SequenceLength(const unsigned char* s, size_t n, size_t* bad) {
  unsigned char c = s[0];
  int len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // beyond U+10FFFF
  } else {
    *bad = 1;
    return 0;
  }
  size_t i = 1;
  for (; i < static_cast<size_t>(len); ++i) {
    if (i >= n) break;
    unsigned char b = s[i];
    unsigned char l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
    if (b < l || b > h) break;
  }
  if (i == static_cast<size_t>(len)) return len;
  *bad = i;
  return 0;
}

struct Utf8Stats {
  size_t invalid_sequences = 0;
  size_t multibyte = 0;
};

Utf8Stats ScanUtf8(std::string_view in) {
  Utf8Stats st;
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  size_t n = in.size(), i = 0;
  while (i < n) {
    // Fast path over ASCII, eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    size_t bad = 0;
    int len = SequenceLength(s + i, n - i, &bad);
    if (len > 0) {
      ++st.multibyte;
      i += len;
    } else {
      ++st.invalid_sequences;
      i += bad;
    }
  }
  return st;
}

// UTF-16/32 with a BOM, decoded by hand: simple, and unpaired surrogates are
// counted like any other invalid input.
void AppendCodePoint(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

Decoded DecodeUtf16(std::string_view in, bool big_endian) {
  Decoded d;
  d.encoding = big_endian ? "UTF-16BE" : "UTF-16LE";
  d.text.reserve(in.size());
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  size_t n = in.size() & ~size_t{1};
  auto unit = [&](size_t i) -> uint32_t {
    return big_endian ? (s[i] << 8) | s[i + 1] : (s[i + 1] << 8) | s[i];
  };
  for (size_t i = 0; i < n; i += 2) {
    uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
      uint32_t v = unit(i + 2);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        AppendCodePoint(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00), &d.text);
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      d.text += kReplacement;
      d.invalid_bytes += 2;
      continue;
    }
    AppendCodePoint(u, &d.text);
  }
  if (in.size() & 1) {
    d.text += kReplacement;
    d.invalid_bytes += 1;
  }
  return d;
}

Decoded DecodeUtf32(std::string_view in, bool big_endian) {
  Decoded d;
  d.encoding = big_endian ? "UTF-32BE" : "UTF-32LE";
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  size_t n = in.size() & ~size_t{3};
  for (size_t i = 0; i < n; i += 4) {
    uint32_t cp = big_endian
                      ? (uint32_t{s[i]} << 24) | (s[i + 1] << 16) | (s[i + 2] << 8) | s[i + 3]
                      : (uint32_t{s[i + 3]} << 24) | (s[i + 2] << 16) | (s[i + 1] << 8) | s[i];
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      d.text += kReplacement;
      d.invalid_bytes += 4;
    } else {
      AppendCodePoint(cp, &d.text);
    }
  }
  if (in.size() & 3) {
    d.text += kReplacement;
    d.invalid_bytes += static_cast<int>(in.size() & 3);
  }
  return d;
}

// Converts with an ICU converter, streaming through a fixed buffer so memory
// stays proportional to the output; false if ICU does not know |charset|.
bool ConvertWithIcu(std::string_view in, const char* charset, Decoded* d) {
  using Conv = std::unique_ptr<UConverter, decltype(&ucnv_close)>;
  UErrorCode err = U_ZERO_ERROR;
  Conv from(ucnv_open(charset, &err), &ucnv_close);
  if (U_FAILURE(err) || !from) return false;
  Conv to(ucnv_open("UTF-8", &err), &ucnv_close);
  if (U_FAILURE(err) || !to) return false;
  // The IANA name ("windows-1252"), not ICU's internal one ("ibm-5348_P100-1997").
  const char* internal = ucnv_getName(from.get(), &err);
  const char* iana = U_SUCCESS(err) ? ucnv_getStandardName(internal, "IANA", &err) : nullptr;
  d->encoding = U_SUCCESS(err) && iana ? iana : charset;
  d->text.clear();
  d->text.reserve(in.size() + in.size() / 4);
  char buf[1 << 14];
  UChar pivot[1024];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  const char* src = in.data();
  bool reset = true;
  do {
    err = U_ZERO_ERROR;
    char* target = buf;
    ucnv_convertEx(to.get(), from.get(), &target, buf + sizeof(buf), &src, in.data() + in.size(),
                   pivot, &pivot_source, &pivot_target, pivot + 1024, reset, true, &err);
    d->text.append(buf, target - buf);
    reset = false;
  } while (err == U_BUFFER_OVERFLOW_ERROR);
  if (U_FAILURE(err)) return false;
  // Legacy charsets cannot encode U+FFFD, so every one in the output is a
  // byte the charset does not map.
  int replaced = 0;
  for (size_t p = d->text.find(kReplacement); p != std::string::npos;
       p = d->text.find(kReplacement, p + 3)) {
    ++replaced;
  }
  d->invalid_bytes = replaced;
  return true;
}

// ICU's best guess for a legacy file; "windows-1252" when unsure.
std::string DetectLegacyCharset(std::string_view in) {
  constexpr size_t kSample = 64 << 10;
  constexpr int32_t kMinConfidence = 25;
  std::string charset = "windows-1252";
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&err), &ucsdet_close);
  if (U_FAILURE(err)) return charset;
  ucsdet_setText(det.get(), in.data(), static_cast<int32_t>(std::min(in.size(), kSample)), &err);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &err);
  if (U_FAILURE(err) || match == nullptr) return charset;
  const char* name = ucsdet_getName(match, &err);
  int32_t confidence = ucsdet_getConfidence(match, &err);
  if (U_FAILURE(err) || name == nullptr || confidence < kMinConfidence) return charset;
  std::string_view guess(name);
  // The bytes are not UTF-8 and carry no BOM; a UTF guess is wrong here.
  if (guess.substr(0, 3) == "UTF") return charset;
  // ISO-8859-1 text with bytes 0x80-0x9F is really windows-1252 (as browsers
  // assume); the latter is a superset, so prefer it.
  if (guess == "ISO-8859-1") return charset;
  return std::string(guess);
}

}  // namespace

bool IsValidUtf8(std::string_view bytes) { return ScanUtf8(bytes).invalid_sequences == 0; }

int SanitizeUtf8(std::string_view in, std::string* out) {
  out->clear();
  out->reserve(in.size());
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  size_t n = in.size(), i = 0, run = 0;
  int invalid = 0;
  while (i < n) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    size_t bad = 0;
    int len = SequenceLength(s + i, n - i, &bad);
    if (len > 0) {
      i += len;
      continue;
    }
    out->append(in.data() + run, i - run);
    out->append(kReplacement);
    invalid += static_cast<int>(bad);
    i += bad;
    run = i;
  }
  out->append(in.data() + run, n - run);
  return invalid;
}

Decoded DecodeText(std::string_view bytes, std::string_view declared) {
  auto starts = [&](std::string_view p) { return bytes.substr(0, p.size()) == p; };
  using namespace std::string_view_literals;
  if (starts("\xEF\xBB\xBF"sv)) {
    Decoded d;
    d.encoding = "UTF-8";
    d.invalid_bytes = SanitizeUtf8(bytes.substr(3), &d.text);
    return d;
  }
  if (starts("\xFF\xFE\x00\x00"sv)) return DecodeUtf32(bytes.substr(4), false);
  if (starts("\x00\x00\xFE\xFF"sv)) return DecodeUtf32(bytes.substr(4), true);
  if (starts("\xFF\xFE"sv)) return DecodeUtf16(bytes.substr(2), false);
  if (starts("\xFE\xFF"sv)) return DecodeUtf16(bytes.substr(2), true);

  Decoded d;
  Utf8Stats st = ScanUtf8(bytes);
  if (st.invalid_sequences == 0) {
    d.encoding = "UTF-8";
    d.text.assign(bytes);
    return d;
  }
  if (!declared.empty()) {
    std::string name(declared);
    bool utf8 = name.size() >= 4 && (name.substr(0, 4) == "utf-" || name.substr(0, 4) == "UTF-");
    // HTML's rule: a page labelled ISO-8859-1 is decoded as windows-1252.
    if (name == "iso-8859-1" || name == "ISO-8859-1" || name == "latin1") name = "windows-1252";
    if (!utf8 && ConvertWithIcu(bytes, name.c_str(), &d)) return d;
  }
  // Legacy 8-bit text almost never forms valid multi-byte sequences by
  // accident, so a file with several is UTF-8 with some damage.
  if (st.multibyte > 0 && st.multibyte * 2 >= st.invalid_sequences) {
    d.encoding = "UTF-8";
    d.invalid_bytes = SanitizeUtf8(bytes, &d.text);
    return d;
  }
  std::string charset = DetectLegacyCharset(bytes);
  if (ConvertWithIcu(bytes, charset.c_str(), &d)) return d;
  if (ConvertWithIcu(bytes, "windows-1252", &d)) return d;
  d.encoding = "UTF-8";
  d.invalid_bytes = SanitizeUtf8(bytes, &d.text);
  return d;
}

Decoded DecodeOwned(std::string&& bytes, std::string_view declared) {
  std::string_view view(bytes);
  bool bom = view.substr(0, 2) == "\xFF\xFE" || view.substr(0, 2) == "\xFE\xFF" ||
             view.substr(0, 3) == "\xEF\xBB\xBF" ||
             view.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4);
  if (bom || !IsValidUtf8(view)) return DecodeText(view, declared);
  Decoded d;
  d.encoding = "UTF-8";
  d.text = std::move(bytes);
  return d;
}

}  // namespace nsearch::ingest
