// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The patched libssh2's whole-span encryption (packaging/libssh2/whole-packet-crypt.patch) gives the
// same bytes as one call per cipher block, for every cipher method of the linked library and
// thousands of random packet lengths split as the send and read paths split them. The C part
// (CipherSpans.c) includes libssh2's private headers; built only with the patched libssh2.

#include "CipherSpans.h"

#include <QTest>

#include <array>

using namespace Qt::StringLiterals;

class tst_CipherSpans : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameAsPerBlock_data();
    void sameAsPerBlock();
    void changedGcmPacketIsRefused();

private:
    QStringList m_names;
};

void tst_CipherSpans::initTestCase()
{
    std::array<char, 2048> names{};
    QCOMPARE(cipher_spans_names(names.data(), names.size()), 0);
    m_names = QString::fromLatin1(names.data()).split(u',', Qt::SkipEmptyParts);
    // The ciphers the patch is for must be there.
    for (const auto name : {"aes128-ctr"_L1, "aes256-ctr"_L1, "aes128-gcm@openssh.com"_L1, "aes256-gcm@openssh.com"_L1})
        QVERIFY2(m_names.contains(name), qPrintable(u"%1 missing from %2"_s.arg(name, m_names.join(u", "))));
}

void tst_CipherSpans::sameAsPerBlock_data()
{
    QTest::addColumn<QString>("cipher");
    QTest::addColumn<uint>("seed");
    std::array<char, 2048> names{};
    cipher_spans_names(names.data(), names.size());
    for (const QString &name : QString::fromLatin1(names.data()).split(u',', Qt::SkipEmptyParts)) {
        for (const uint seed : {1u, 20261207u, 0xdeadbeefu})
            QTest::addRow("%s seed %u", qPrintable(name), seed) << name << seed;
    }
}

void tst_CipherSpans::sameAsPerBlock()
{
    QFETCH(QString, cipher);
    QFETCH(uint, seed);
    std::array<char, 512> why{};
    const QByteArray name = cipher.toLatin1();
    const int result = cipher_spans_check(name.constData(), seed, 300, why.data(), why.size());
    if (result == 2)
        QSKIP(why.data());
    QVERIFY2(result == 0, why.data());
}

void tst_CipherSpans::changedGcmPacketIsRefused()
{
    for (const char *name : {"aes128-gcm@openssh.com", "aes256-gcm@openssh.com"}) {
        std::array<char, 512> why{};
        QVERIFY2(cipher_spans_tampered_tag_refused(name, why.data(), why.size()) == 0, why.data());
    }
}

QTEST_GUILESS_MAIN(tst_CipherSpans)
#include "tst_cipherspans.moc"
