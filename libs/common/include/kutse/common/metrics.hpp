// Prometheus text-format metrics: counters, gauges and latency histograms with labels.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace kutse::common {

using Labels = std::vector<std::pair<std::string, std::string>>;

class MetricsRegistry {
 public:
  static MetricsRegistry& Default();

  void Describe(const std::string& name, const std::string& type, const std::string& help);
  void Increment(const std::string& name, const Labels& labels = {}, double by = 1.0);
  void SetGauge(const std::string& name, const Labels& labels, double value);
  void Observe(const std::string& name, const Labels& labels, double seconds);
  // Evaluated at scrape time, for values that live elsewhere (outbox lag, pool size).
  void GaugeCallback(const std::string& name, const std::string& help, std::function<double()> read);

  std::string Render() const;
  double CounterValue(const std::string& name, const Labels& labels) const;  // for tests

 private:
  struct Histogram {
    std::vector<unsigned long long> buckets;
    unsigned long long count = 0;
    double sum = 0;
  };
  static std::string Key(const Labels& labels);

  mutable std::mutex mutex_;
  std::map<std::string, std::pair<std::string, std::string>> descriptions_;  // name -> type, help
  std::map<std::string, std::map<std::string, double>> values_;              // counters and gauges
  std::map<std::string, std::map<std::string, Histogram>> histograms_;
  std::map<std::string, std::function<double()>> callbacks_;
};

}  // namespace kutse::common
