#include "cli/config.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace nsearch::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

std::string Home() {
  const char* home = std::getenv("HOME");
  return home && *home ? home : ".";
}

}  // namespace

std::string DefaultConfigPath() {
  // The XDG base directory spec ignores a relative $XDG_CONFIG_HOME.
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg == '/')
    return std::string(xdg) + "/nsearch/config";
  return Home() + "/.config/nsearch/config";
}

std::string ResolvePath(const std::string& path, const std::string& base_dir) {
  if (path == "~") return Home();
  if (path.rfind("~/", 0) == 0) return Home() + path.substr(1);
  if (path.empty() || fs::path(path).is_absolute()) return path;
  return (fs::path(base_dir) / path).lexically_normal().string();
}

void StoreConfigFile(ConfigFile* config, const std::set<std::string>& given,
                     po::variables_map* vm) {
  const bool named = !config->path.empty();
  const std::string path = named ? config->path : DefaultConfigPath();
  std::error_code ec;
  if (!named && !fs::exists(path, ec)) return;
  std::ifstream in(path);
  if (!in || fs::is_directory(path, ec))
    throw po::error("cannot read config file " + path +
                    (fs::exists(path, ec) ? "" : ": no such file"));
  po::parsed_options parsed(config->settings);
  try {
    parsed = po::parse_config_file(in, *config->settings, /*allow_unregistered=*/false);
  } catch (const po::error& e) {
    throw po::error("config file " + path + ": " + e.what());
  }
  const std::string base = fs::absolute(path, ec).parent_path().string();
  std::vector<po::option> kept;
  for (auto& option : parsed.options) {
    if (given.count(option.string_key)) continue;
    if (config->path_options.count(option.string_key))
      for (auto& value : option.value) value = ResolvePath(value, base);
    config->from_file.insert(option.string_key);
    kept.push_back(std::move(option));
  }
  parsed.options = std::move(kept);
  try {
    po::store(parsed, *vm);
  } catch (const po::error& e) {
    throw po::error("config file " + path + ": " + e.what());
  }
  config->loaded = path;
}

}  // namespace nsearch::cli
