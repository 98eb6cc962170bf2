# Parses Prometheus text exposition format from stdin with the prometheus_client library's own
# parser and prints one line per family ("TYPE<tab>family<tab>type") and per sample
# ("name{k="v",...}<tab>value", labels sorted), so a Java test can check values.
import sys

from prometheus_client.parser import text_string_to_metric_families

for family in text_string_to_metric_families(sys.stdin.read()):
    print("TYPE\t%s\t%s" % (family.name, family.type))
    for sample in family.samples:
        labels = ",".join('%s="%s"' % (k, v) for k, v in sorted(sample.labels.items()))
        print("%s{%s}\t%r" % (sample.name, labels, sample.value))
