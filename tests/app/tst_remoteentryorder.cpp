// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/files/RemoteEntryOrder.h"

#include <QTest>

#include <algorithm>

using app::RemoteEntryOrder;
using sshcore::SftpEntry;

// The cluster pane's order: folders first, then the key, then names as a person reads them.
class tst_RemoteEntryOrder : public QObject
{
    Q_OBJECT

    static SftpEntry entry(const char *name, SftpEntry::Type type = SftpEntry::Type::File, quint64 size = 0,
                           qint64 modified = 0)
    {
        SftpEntry e;
        e.name = name;
        e.type = type;
        e.size = size;
        e.modified = modified;
        return e;
    }

    static QList<QByteArray> sorted(QList<SftpEntry> entries, const RemoteEntryOrder &order)
    {
        std::stable_sort(entries.begin(), entries.end(),
                         [&](const SftpEntry &a, const SftpEntry &b) { return order.lessThan(a, b); });
        QList<QByteArray> names;
        for (const SftpEntry &e : std::as_const(entries))
            names.append(e.name);
        return names;
    }

private Q_SLOTS:
    void namesAsAPersonReadsThem()
    {
        // "b" and "B" are the same to a person: bytes decide, so the order never depends on the listing's.
        const QList<SftpEntry> entries{entry("run10"), entry("Run2"), entry("data", SftpEntry::Type::Directory),
                                       entry("run1"),  entry("b"),    entry("B")};
        RemoteEntryOrder order;
        QCOMPARE(sorted(entries, order), (QList<QByteArray>{"data", "B", "b", "run1", "Run2", "run10"}));
        order.set(RemoteEntryOrder::Key::Name, Qt::DescendingOrder);
        // Folders stay first whichever the direction.
        QCOMPARE(sorted(entries, order), (QList<QByteArray>{"data", "run10", "Run2", "run1", "b", "B"}));
    }

    void byKeyThenName()
    {
        const QList<SftpEntry> entries{entry("c", SftpEntry::Type::File, 10, 300),
                                       entry("a", SftpEntry::Type::File, 30, 100),
                                       entry("b", SftpEntry::Type::File, 10, 200)};
        RemoteEntryOrder order;
        order.set(RemoteEntryOrder::Key::Size, Qt::AscendingOrder);
        QCOMPARE(sorted(entries, order), (QList<QByteArray>{"b", "c", "a"}));
        order.set(RemoteEntryOrder::Key::Modified, Qt::DescendingOrder);
        QCOMPARE(sorted(entries, order), (QList<QByteArray>{"c", "b", "a"}));
    }

    void bytesThatAreNotUtf8NeverTie()
    {
        RemoteEntryOrder order;
        const SftpEntry a = entry("x\xff"), b = entry("x\xfe");
        QVERIFY(order.lessThan(a, b) != order.lessThan(b, a));
    }
};

QTEST_GUILESS_MAIN(tst_RemoteEntryOrder)
#include "tst_remoteentryorder.moc"
