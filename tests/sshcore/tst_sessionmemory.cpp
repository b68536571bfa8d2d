// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// SessionMemory: what libssh2 allocates through keeps its blocks for reuse (no allocator churn per
// packet), keeps contents across reallocation, bounds what it keeps, and passes huge blocks through.

#include "sshcore/session/SessionMemory.h"

#include <QTest>

#include <cstdlib>
#include <cstring>

using sshcore::detail::SessionMemory;

class tst_SessionMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freedBlocksAreReused();
    void reallocationKeepsContents();
    void hugeBlocksAreNotKept();
    void keptMemoryIsBounded();
    void alignment();
    void withoutKeeping();
};

void tst_SessionMemory::freedBlocksAreReused()
{
    SessionMemory memory(true);
    void *packet = memory.allocate(32768 + 100);
    QVERIFY(packet);
    std::memset(packet, 1, 32768 + 100);
    memory.release(packet);
    QCOMPARE(memory.keptBytes(), std::size_t(65536));
    // The next packet of a similar size gets the same block back, not new memory.
    QCOMPARE(memory.allocate(40000), packet);
    QCOMPARE(memory.keptBytes(), std::size_t(0));
    memory.release(packet);
    memory.release(nullptr); // as free(nullptr)
}

void tst_SessionMemory::reallocationKeepsContents()
{
    SessionMemory memory(true);
    auto *text = static_cast<char *>(memory.reallocate(nullptr, 10));
    std::memcpy(text, "clusterdes", 10);
    QCOMPARE(memory.reallocate(text, 60), text); // still fits its 64-byte class
    text = static_cast<char *>(memory.reallocate(text, 5000));
    QVERIFY(text);
    QCOMPARE(QByteArray(text, 10), QByteArray("clusterdes"));
    text = static_cast<char *>(memory.reallocate(text, 20));
    QCOMPARE(QByteArray(text, 10), QByteArray("clusterdes"));
    memory.release(text);
}

void tst_SessionMemory::hugeBlocksAreNotKept()
{
    SessionMemory memory(true);
    const std::size_t huge = (std::size_t(1) << SessionMemory::LargestClass) + 1;
    void *block = memory.allocate(huge);
    QVERIFY(block);
    std::memset(block, 2, huge);
    void *bigger = memory.reallocate(block, huge + 100);
    QVERIFY(bigger);
    QCOMPARE(static_cast<unsigned char *>(bigger)[huge - 1], 2);
    memory.release(bigger);
    QCOMPARE(memory.keptBytes(), std::size_t(0));
}

void tst_SessionMemory::keptMemoryIsBounded()
{
    SessionMemory memory(true);
    std::vector<void *> blocks;
    for (int i = 0; i < 20; ++i)
        blocks.push_back(memory.allocate(std::size_t(3) << 20)); // 4 MiB class each
    for (void *block : blocks)
        memory.release(block);
    QVERIFY(memory.keptBytes() <= SessionMemory::KeptLimit);
    QCOMPARE(memory.keptBytes(), SessionMemory::KeptLimit);
}

void tst_SessionMemory::alignment()
{
    SessionMemory memory(true);
    for (const std::size_t size : {1, 17, 100, 4096, 70000}) {
        void *block = memory.allocate(size);
        QCOMPARE(reinterpret_cast<quintptr>(block) % alignof(std::max_align_t), quintptr(0));
        memory.release(block);
    }
}

void tst_SessionMemory::withoutKeeping()
{
    // With the system's libssh2: malloc, realloc and free, nothing kept, blocks anyone may free().
    SessionMemory memory(false);
    auto *text = static_cast<char *>(memory.allocate(4));
    std::memcpy(text, "abcd", 4);
    text = static_cast<char *>(memory.reallocate(text, 100000));
    QCOMPARE(QByteArray(text, 4), QByteArray("abcd"));
    memory.release(text);
    QCOMPARE(memory.keptBytes(), std::size_t(0));
    std::free(memory.allocate(100)); // a plain malloc block
}

QTEST_GUILESS_MAIN(tst_SessionMemory)
#include "tst_sessionmemory.moc"
