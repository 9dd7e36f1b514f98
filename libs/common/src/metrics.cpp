#include "kutse/common/metrics.hpp"

#include <sstream>

namespace kutse::common {
namespace {

constexpr double kBuckets[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                               0.1,    0.25,  0.5,    1,     2.5,  5,     10};
constexpr size_t kBucketCount = sizeof(kBuckets) / sizeof(kBuckets[0]);

std::string Escape(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string WithLabel(const std::string& key, const std::string& extra) {
  if (key.empty()) {
    return "{" + extra + "}";
  }
  return key.substr(0, key.size() - 1) + "," + extra + "}";
}

}  // namespace

MetricsRegistry& MetricsRegistry::Default() {
  static MetricsRegistry registry;
  return registry;
}

std::string MetricsRegistry::Key(const Labels& labels) {
  if (labels.empty()) {
    return "";
  }
  std::string key = "{";
  for (size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) {
      key += ",";
    }
    key += labels[i].first + "=\"" + Escape(labels[i].second) + "\"";
  }
  return key + "}";
}

void MetricsRegistry::Describe(const std::string& name, const std::string& type, const std::string& help) {
  std::lock_guard<std::mutex> lock(mutex_);
  descriptions_[name] = {type, help};
}

void MetricsRegistry::Increment(const std::string& name, const Labels& labels, double by) {
  std::string key = Key(labels);
  std::lock_guard<std::mutex> lock(mutex_);
  values_[name][key] += by;
}

void MetricsRegistry::SetGauge(const std::string& name, const Labels& labels, double value) {
  std::string key = Key(labels);
  std::lock_guard<std::mutex> lock(mutex_);
  values_[name][key] = value;
}

void MetricsRegistry::Observe(const std::string& name, const Labels& labels, double seconds) {
  std::string key = Key(labels);
  std::lock_guard<std::mutex> lock(mutex_);
  Histogram& h = histograms_[name][key];
  if (h.buckets.empty()) {
    h.buckets.assign(kBucketCount, 0);
  }
  for (size_t i = 0; i < kBucketCount; ++i) {
    if (seconds <= kBuckets[i]) {
      ++h.buckets[i];
    }
  }
  ++h.count;
  h.sum += seconds;
}

void MetricsRegistry::GaugeCallback(const std::string& name, const std::string& help,
                                    std::function<double()> read) {
  std::lock_guard<std::mutex> lock(mutex_);
  descriptions_[name] = {"gauge", help};
  callbacks_[name] = std::move(read);
}

double MetricsRegistry::CounterValue(const std::string& name, const Labels& labels) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto metric = values_.find(name);
  if (metric == values_.end()) {
    return 0;
  }
  auto value = metric->second.find(Key(labels));
  return value == metric->second.end() ? 0 : value->second;
}

std::string MetricsRegistry::Render() const {
  std::map<std::string, std::function<double()>> callbacks;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    callbacks = callbacks_;
  }
  // Callbacks may do I/O; run them without holding the lock.
  std::map<std::string, double> read;
  for (const auto& [name, callback] : callbacks) {
    try {
      read[name] = callback();
    } catch (const std::exception&) {
      read[name] = -1;  // visible in the scrape as "could not be read"
    }
  }
  std::ostringstream out;
  std::lock_guard<std::mutex> lock(mutex_);
  auto header = [&](const std::string& name, const std::string& fallback_type) {
    auto d = descriptions_.find(name);
    if (d != descriptions_.end()) {
      out << "# HELP " << name << " " << d->second.second << "\n# TYPE " << name << " " << d->second.first
          << "\n";
    } else {
      out << "# TYPE " << name << " " << fallback_type << "\n";
    }
  };
  for (const auto& [name, series] : values_) {
    header(name, "counter");
    for (const auto& [key, value] : series) {
      out << name << key << " " << value << "\n";
    }
  }
  for (const auto& [name, series] : histograms_) {
    header(name, "histogram");
    for (const auto& [key, h] : series) {
      for (size_t i = 0; i < kBucketCount; ++i) {
        std::ostringstream le;
        le << "le=\"" << kBuckets[i] << "\"";
        out << name << "_bucket" << WithLabel(key, le.str()) << " " << h.buckets[i] << "\n";
      }
      out << name << "_bucket" << WithLabel(key, "le=\"+Inf\"") << " " << h.count << "\n";
      out << name << "_sum" << key << " " << h.sum << "\n";
      out << name << "_count" << key << " " << h.count << "\n";
    }
  }
  for (const auto& [name, value] : read) {
    header(name, "gauge");
    out << name << " " << value << "\n";
  }
  return out.str();
}

}  // namespace kutse::common
