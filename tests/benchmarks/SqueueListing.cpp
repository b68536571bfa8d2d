// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SqueueListing.h"

#include <QByteArrayList>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace bench {

namespace {

// One squeue record, field by field (see SlurmParsers' queueFormat()).
struct Record
{
    qint64 jobId = 0;    // %A: the job's own id
    qint64 arrayJob = 0; // %F when an array task
    int task = -1;       // %K
    QByteArray name, user, partition, account, qos, state, reason;
    qint64 elapsed = 0, limit = 0;
    int nodes = 1, cpus = 1;
    QByteArray memory, gres, nodeList;
    qint64 start = 0, submit = 0;
    QByteArray workDirectory;

    QByteArray id() const
    {
        return task < 0 ? QByteArray::number(jobId) : QByteArray::number(arrayJob) + '_' + QByteArray::number(task);
    }
};

QByteArray duration(qint64 seconds)
{
    // squeue's spelling: [days-]hours:minutes:seconds, minutes:seconds under an hour
    char text[32];
    const qint64 days = seconds / 86400, h = seconds / 3600 % 24, m = seconds / 60 % 60, s = seconds % 60;
    if (days > 0)
        std::snprintf(text, sizeof text, "%lld-%02lld:%02lld:%02lld", days, h, m, s);
    else if (h > 0)
        std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", h, m, s);
    else
        std::snprintf(text, sizeof text, "%lld:%02lld", m, s);
    return text;
}

void append(QByteArray &out, const Record &r)
{
    const auto field = [&out](QByteArrayView value) {
        out += value;
        out += '\x1f';
    };
    const bool array = r.task >= 0;
    const bool started = r.start > 0 && r.state != "PENDING";
    field(QByteArray::number(r.jobId));
    field(r.id());
    field(QByteArray::number(array ? r.arrayJob : r.jobId));
    field(array ? QByteArray::number(r.task) : QByteArray("N/A"));
    field(r.name);
    field(r.user);
    field(r.partition);
    field(r.account);
    field(r.qos);
    field(r.state);
    field(r.reason);
    field(duration(r.elapsed));
    field(duration(r.limit));
    field(duration(r.limit - r.elapsed));
    field(QByteArray::number(r.nodes));
    field(QByteArray::number(r.cpus));
    field(r.memory);
    field(r.gres);
    field(started ? r.nodeList : QByteArray());
    field(r.start > 0 ? QByteArray::number(r.start) : QByteArray("N/A"));
    field(QByteArray::number(r.submit));
    out += r.workDirectory;
    out += "\x1e\n";
}

// A busy cluster's queue: about 55% pending (a fifth of those held or waiting on dependencies),
// 40% running, a few completing; a third of the jobs are tasks of arrays.
// Records are handed to `sink` one by one (the listing is made without holding them all).
void makeQueue(int count, qint64 firstId, QRandomGenerator &random, const std::function<void(Record &)> &sink)
{
    static const QByteArrayList partitions{"cpu", "gpu", "bigmem", "debug", "long", "a100"};
    static const QByteArrayList reasons{"Priority",  "Priority",       "Priority",    "Resources",
                                        "Resources", "Dependency",     "JobHeldUser", "QOSMaxJobsPerUserLimit",
                                        "BeginTime", "ReqNodeNotAvail"};
    static const QByteArrayList words{"train", "eval", "resnet50", "bert",       "md",    "gromacs",  "lammps", "vasp",
                                      "wrf",   "cfd",  "sweep",    "preprocess", "align", "assembly", "lr0.01", "seed"};
    const qint64 now = 1'795'391'442;
    qint64 nextId = firstId;
    int made = 0;
    while (made < count) {
        const bool array = random.bounded(50) == 0; // of 10 to 40 tasks: a third of all jobs
        const int tasks = array ? std::min<int>(count - made, 10 + int(random.bounded(31))) : 1;
        const qint64 arrayJob = nextId;
        Record base;
        base.name = words[random.bounded(words.size())] + '_' + words[random.bounded(words.size())] + '_'
                    + QByteArray::number(random.bounded(1000));
        base.user = "user" + QByteArray::number(random.bounded(400));
        base.partition = partitions[random.bounded(partitions.size())];
        base.account = "proj" + QByteArray::number(random.bounded(60));
        base.qos = random.bounded(10) == 0 ? "high" : "normal";
        base.limit = 60 * (15 + random.bounded(2880));
        base.nodes = random.bounded(10) == 0 ? 1 + int(random.bounded(16)) : 1;
        base.cpus = base.nodes * (1 << random.bounded(7));
        base.memory = QByteArray::number(1 << random.bounded(8)) + 'G';
        const bool gpus = base.partition == "gpu" || base.partition == "a100";
        base.gres = gpus ? QByteArray("gres/gpu:" + QByteArray::number(1 + random.bounded(4))) : QByteArray("N/A");
        base.submit = now - random.bounded(7 * 86400);
        base.workDirectory = "/home/" + base.user + "/runs/" + base.name;
        for (int t = 0; t < tasks; ++t) {
            Record r = base;
            r.jobId = nextId++;
            if (array) {
                r.arrayJob = arrayJob;
                r.task = t;
            }
            const quint32 roll = random.bounded(100);
            if (roll < 55) {
                r.state = "PENDING";
                r.reason = reasons[random.bounded(reasons.size())];
                r.start = random.bounded(2) ? now + random.bounded(3 * 86400) : 0;
            } else if (roll < 97) {
                r.state = "RUNNING";
                r.reason = "None";
                r.elapsed = random.bounded(std::max<qint64>(1, r.limit));
                r.start = now - r.elapsed;
                const int first = int(random.bounded(2000));
                const QByteArray from = QByteArray::number(first).rightJustified(4, '0');
                const QByteArray to = QByteArray::number(first + r.nodes - 1).rightJustified(4, '0');
                r.nodeList = r.nodes == 1 ? QByteArray("node" + from) : QByteArray("node[" + from + '-' + to + ']');
            } else {
                r.state = "COMPLETING";
                r.reason = "None";
                r.elapsed = r.limit / 2;
                r.start = now - r.elapsed;
                r.nodeList = "node0001";
            }
            sink(r);
            ++made;
        }
    }
}

} // namespace

QByteArray makeListing(int count, bool next, int changes, int added, Listing *shape)
{
    QRandomGenerator random(20261122);
    QByteArray out;
    out.reserve(qsizetype(count + added) * 200);
    Listing counts;
    int index = 0;
    makeQueue(count, 4'000'000, random, [&](Record &r) {
        counts.pending += r.state == "PENDING";
        counts.running += r.state == "RUNNING";
        counts.arrayTasks += r.task >= 0;
        if (next && index % 997 == 97 && counts.started < changes && r.state == "PENDING") {
            r.state = "RUNNING";
            r.reason = "None";
            r.start = 1'795'391'442;
            r.nodeList = "node0042";
            ++counts.started;
        }
        ++index;
        append(out, r);
    });
    if (next)
        makeQueue(added, 9'000'000, random, [&](Record &r) { append(out, r); });
    if (shape)
        *shape = counts;
    return out;
}

} // namespace bench
