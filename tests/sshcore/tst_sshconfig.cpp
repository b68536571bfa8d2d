// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// ~/.ssh/config: real-world shapes, patterns with negation, first value wins, tokens and Include.

#include "TestSupport.h"
#include "sshcore/SshAlgorithms.h"
#include "sshcore/SshConnectionSettings.h"
#include "sshcore/config/SshConfig.h"

#include <QDir>
#include <QTemporaryFile>
#include <QTest>

using namespace Qt::StringLiterals;
using sshcore::SshConfig;
using sshcore::SshHostConfig;

namespace {
QString dataFile(const QString &name)
{
    return QStringLiteral(CLUSTERDESK_TEST_DATA "/ssh_config/") + name;
}
} // namespace

class tst_SshConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void patterns_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QStringList>("patterns");
        QTest::addColumn<bool>("matches");
        QTest::newRow("exact") << u"hawk"_s << QStringList{u"hawk"_s} << true;
        QTest::newRow("case") << u"HAWK"_s << QStringList{u"hawk"_s} << true;
        QTest::newRow("star") << u"login1.hpc.org"_s << QStringList{u"*.hpc.org"_s} << true;
        QTest::newRow("question") << u"login1"_s << QStringList{u"login?"_s} << true;
        QTest::newRow("question-too-short") << u"login"_s << QStringList{u"login?"_s} << false;
        QTest::newRow("list") << u"m3-gpu"_s << QStringList{u"m3"_s, u"m3-*"_s} << true;
        QTest::newRow("comma") << u"b"_s << QStringList{u"a,b"_s} << true;
        QTest::newRow("negated") << u"rackham5.uppmax.uu.se"_s
                                 << QStringList{u"*.uppmax.uu.se"_s, u"!rackham5.uppmax.uu.se"_s} << false;
        QTest::newRow("negation-alone") << u"x"_s << QStringList{u"!y"_s} << false;
        QTest::newRow("star-middle") << u"node-17-gpu"_s << QStringList{u"node-*-gpu"_s} << true;
        QTest::newRow("no-match") << u"other"_s << QStringList{u"hawk"_s} << false;
    }

    void patterns()
    {
        QFETCH(QString, host);
        QFETCH(QStringList, patterns);
        QFETCH(bool, matches);
        QCOMPARE(sshcore::sshHostMatches(host, patterns), matches);
    }

    void universityConfig()
    {
        const auto config = SshConfig::load(dataFile(u"university.conf"_s));
        QVERIFY_RESULT(config);
        const QString home = QDir::homePath();

        const SshHostConfig hawk = config->resolve(u"hawk"_s, u"me"_s);
        QCOMPARE(hawk.hostName, u"hawklogin.cf.ac.uk"_s);
        QCOMPARE(hawk.user, u"c.c1234567"_s);
        QVERIFY(!hawk.port);
        // IdentityFile accumulates in order, with tokens expanded.
        QCOMPARE(hawk.identityFiles,
                 (QStringList{home + u"/.ssh/id_ed25519_hawk"_s, home + u"/.ssh/id_c.c1234567@hawklogin.cf.ac.uk"_s}));
        QVERIFY(hawk.identitiesOnly);
        QCOMPARE(hawk.serverAliveIntervalSeconds, 30);
        QCOMPARE(hawk.serverAliveCountMax, 3);
        QCOMPARE(hawk.connectTimeoutSeconds, 15);
        QCOMPARE(hawk.strictHostKeyChecking, sshcore::StrictHostKeyChecking::AcceptNew);
        QCOMPARE(hawk.userKnownHostsFiles,
                 (QStringList{home + u"/.ssh/known_hosts"_s, home + u"/.ssh/known_hosts.d/hawklogin.cf.ac.uk"_s}));
        QVERIFY(hawk.proxyJump.isEmpty());

        QCOMPARE(config->resolve(u"snellius"_s).port, quint16(2222));

        const SshHostConfig m3 = config->resolve(u"m3-gpu"_s);
        QCOMPARE(m3.hostName, u"m3.massive.org.au"_s);
        QCOMPARE(m3.proxyJump, (QStringList{u"jump.example.org"_s, u"bastion2:2022"_s}));

        // First value wins: the specific block's 60 s, not the catch-all's 30 s.
        const SshHostConfig snowy = config->resolve(u"snowy.uppmax.uu.se"_s);
        QCOMPARE(snowy.user, u"uppuser"_s);
        QCOMPARE(snowy.serverAliveIntervalSeconds, 60);
        const SshHostConfig rackham = config->resolve(u"rackham5.uppmax.uu.se"_s);
        QVERIFY(rackham.user.isEmpty());
        QCOMPARE(rackham.serverAliveIntervalSeconds, 30);

        QCOMPARE(config->resolve(u"quoted name"_s).hostName, u"quoted.example.org"_s);

        // Unknown host: only the catch-all applies; HostName is the alias.
        const SshHostConfig unknown = config->resolve(u"elsewhere.org"_s);
        QCOMPARE(unknown.hostName, u"elsewhere.org"_s);
        QVERIFY(unknown.user.isEmpty());

        QCOMPARE(config->concreteHosts(), (QStringList{u"hawk"_s, u"snellius"_s, u"m3"_s, u"quoted name"_s}));
        QVERIFY(config->problems().isEmpty());
    }

    void includeAndMatch()
    {
        const auto config = SshConfig::load(dataFile(u"with-include.conf"_s));
        QVERIFY_RESULT(config);
        // Relative Include paths start in ~/.ssh, so this test's includes are found only when the
        // data folder is given absolutely: check both the resolution and the reported problems.
        const SshHostConfig gateway = config->resolve(u"gateway"_s);
        QCOMPARE(gateway.hostName, u"gw.example.org"_s);
        QCOMPARE(gateway.port, quint16(2200)); // Match all applies
        QVERIFY(gateway.user.isEmpty());       // Match exec is not evaluated
        bool reportedMatch = false;
        for (const auto &problem : config->problems())
            reportedMatch |= problem.message.contains(u"Match exec"_s);
        QVERIFY(reportedMatch);
    }

    void includeFollowsGlobs()
    {
        const QString text = u"Include "_s + dataFile(u"config.d/*.conf"_s) + u"\nHost *\n  User fallback\n"_s;
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(text.toUtf8());
        file.close();
        const auto config = SshConfig::load(file.fileName());
        QVERIFY_RESULT(config);
        const SshHostConfig lab = config->resolve(u"lab"_s);
        QCOMPARE(lab.hostName, u"lab.example.org"_s);
        QCOMPARE(lab.user, u"labuser"_s);
        QVERIFY(lab.proxyJump.isEmpty()); // ProxyJump none
        // The broken line is reported with its file and line, and the rest of its block still applies.
        const SshHostConfig broken = config->resolve(u"broken"_s);
        QCOMPARE(broken.user, u"fine"_s);
        QCOMPARE(broken.hostName, u"broken"_s);
        QCOMPARE(config->problems().size(), 1);
        QVERIFY(config->problems().first().file.endsWith(u"20-broken.conf"_s));
        QCOMPARE(config->problems().first().line, 2);
    }

    void keywordForms()
    {
        const SshConfig config = SshConfig::parse("Host a\n  Port=2201\nHost b\n  Port = 2202\n"
                                                  "Host c\n\tPORT\t2203\nHost d\n  Port notanumber\n");
        QCOMPARE(config.resolve(u"a"_s).port, quint16(2201));
        QCOMPARE(config.resolve(u"b"_s).port, quint16(2202));
        QCOMPARE(config.resolve(u"c"_s).port, quint16(2203));
        QVERIFY(!config.resolve(u"d"_s).port);
    }

    // ssh_config(5)'s algorithm lists, assembled as OpenSSH's kex_assemble_names does.
    void algorithmLists_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QStringList>("expected");
        // Against defaults "b1,a1,a2" of what supports "a1,a2,a3,b1,b2,c-etm,c".
        QTest::newRow("empty: the defaults") << QString() << QStringList{u"b1"_s, u"a1"_s, u"a2"_s};
        QTest::newRow("plain list replaces, in its order") << u"a3,b1"_s << QStringList{u"a3"_s, u"b1"_s};
        QTest::newRow("unsupported names are left out") << u"zz,a2,yy"_s << QStringList{u"a2"_s};
        QTest::newRow("nothing supported") << u"zz,yy"_s << QStringList{};
        QTest::newRow("duplicates once") << u"a1,a1,b1,a1"_s << QStringList{u"a1"_s, u"b1"_s};
        QTest::newRow("spaces around names") << u" a2 , a1 "_s << QStringList{u"a2"_s, u"a1"_s};
        QTest::newRow("+ appends") << u"+b2,a3"_s << QStringList{u"b1"_s, u"a1"_s, u"a2"_s, u"b2"_s, u"a3"_s};
        QTest::newRow("+ of a default keeps its place") << u"+a1"_s << QStringList{u"b1"_s, u"a1"_s, u"a2"_s};
        QTest::newRow("+ pattern") << u"+c*"_s << QStringList{u"b1"_s, u"a1"_s, u"a2"_s, u"c-etm"_s, u"c"_s};
        QTest::newRow("- removes") << u"-a1"_s << QStringList{u"b1"_s, u"a2"_s};
        QTest::newRow("- pattern star") << u"-a*"_s << QStringList{u"b1"_s};
        QTest::newRow("- pattern question") << u"-a?"_s << QStringList{u"b1"_s};
        QTest::newRow("- everything") << u"-*"_s << QStringList{};
        QTest::newRow("- what is not there") << u"-c"_s << QStringList{u"b1"_s, u"a1"_s, u"a2"_s};
        QTest::newRow("^ puts first") << u"^a2,b2"_s << QStringList{u"a2"_s, u"b2"_s, u"b1"_s, u"a1"_s};
        QTest::newRow("^ pattern in supported order") << u"^a*"_s << QStringList{u"a1"_s, u"a2"_s, u"a3"_s, u"b1"_s};
        QTest::newRow("plain pattern") << u"*-etm,b?"_s << QStringList{u"c-etm"_s, u"b1"_s, u"b2"_s};
        QTest::newRow("case matters") << u"A1,a2"_s << QStringList{u"a2"_s};
        QTest::newRow("star matches the empty rest") << u"c*"_s << QStringList{u"c-etm"_s, u"c"_s};
    }

    void algorithmLists()
    {
        QFETCH(QString, spec);
        QFETCH(QStringList, expected);
        const QStringList defaults = {u"b1"_s, u"a1"_s, u"a2"_s};
        const QStringList supported = {u"a1"_s, u"a2"_s, u"a3"_s, u"b1"_s, u"b2"_s, u"c-etm"_s, u"c"_s};
        QCOMPARE(sshcore::resolveSshAlgorithms(spec, defaults, supported), expected);
    }

    void algorithmPatterns_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("matches");
        QTest::newRow("exact") << u"aes128-ctr"_s << u"aes128-ctr"_s << true;
        QTest::newRow("prefix is not enough") << u"aes128"_s << u"aes128-ctr"_s << false;
        QTest::newRow("star suffix") << u"aes*"_s << u"aes256-gcm@openssh.com"_s << true;
        QTest::newRow("star middle") << u"hmac-*-etm@openssh.com"_s << u"hmac-sha2-256-etm@openssh.com"_s << true;
        QTest::newRow("star middle, no etm") << u"hmac-*-etm@openssh.com"_s << u"hmac-sha2-256"_s << false;
        QTest::newRow("question") << u"aes?9?-ctr"_s << u"aes192-ctr"_s << true;
        QTest::newRow("question counts") << u"aes?2-ctr"_s << u"aes192-ctr"_s << false;
        QTest::newRow("two stars") << u"*sha2*512*"_s << u"rsa-sha2-512"_s << true;
    }

    void algorithmPatterns()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, name);
        QFETCH(bool, matches);
        QCOMPARE(sshcore::sshAlgorithmMatches(pattern, name), matches);
    }

    // The four keywords, first value wins as for every other keyword, and into the connection's settings.
    void algorithmKeywords()
    {
        const SshConfig config = SshConfig::parse("Host old\n"
                                                  "  Ciphers +aes128-cbc\n"
                                                  "  MACs=-*-md5*,hmac-sha1-96\n"
                                                  "  KexAlgorithms ^diffie-hellman-group14-sha1\n"
                                                  "  HostKeyAlgorithms ssh-rsa,rsa-sha2-256\n"
                                                  "Host *\n"
                                                  "  Ciphers aes256-gcm@openssh.com\n"
                                                  "  kexalgorithms curve25519-sha256\n");
        const SshHostConfig old = config.resolve(u"old"_s);
        QCOMPARE(old.algorithms.ciphers, u"+aes128-cbc"_s);
        QCOMPARE(old.algorithms.macs, u"-*-md5*,hmac-sha1-96"_s);
        QCOMPARE(old.algorithms.kexAlgorithms, u"^diffie-hellman-group14-sha1"_s);
        QCOMPARE(old.algorithms.hostKeyAlgorithms, u"ssh-rsa,rsa-sha2-256"_s);
        const SshHostConfig other = config.resolve(u"other"_s);
        QCOMPARE(other.algorithms.ciphers, u"aes256-gcm@openssh.com"_s);
        QCOMPARE(other.algorithms.kexAlgorithms, u"curve25519-sha256"_s);
        QVERIFY(other.algorithms.macs.isEmpty());
        QVERIFY(other.algorithms.hostKeyAlgorithms.isEmpty());

        const auto settings = sshcore::SshConnectionSettings::fromConfig(config, u"old"_s);
        QVERIFY_RESULT(settings);
        QCOMPARE(settings->algorithms, old.algorithms);
        QCOMPARE(settings->algorithms.of(sshcore::SshAlgorithmType::Mac), u"-*-md5*,hmac-sha1-96"_s);
    }

    // What this libssh2 offers: the lists the interoperability test walks through, never empty, and
    // without the key exchange's extension markers.
    void supportedAlgorithms()
    {
        using sshcore::SshAlgorithmType;
        for (const auto type : {SshAlgorithmType::Cipher, SshAlgorithmType::Mac, SshAlgorithmType::KeyExchange,
                                SshAlgorithmType::HostKey})
            QVERIFY2(!sshcore::supportedSshAlgorithms(type).isEmpty(), qPrintable(sshcore::sshAlgorithmKeyword(type)));
        QVERIFY(sshcore::supportedSshAlgorithms(SshAlgorithmType::Cipher).contains(u"aes128-ctr"_s));
        QVERIFY(sshcore::supportedSshAlgorithms(SshAlgorithmType::Mac).contains(u"hmac-sha2-256-etm@openssh.com"_s));
        const QStringList kex = sshcore::supportedSshAlgorithms(SshAlgorithmType::KeyExchange);
        QVERIFY(kex.contains(u"curve25519-sha256"_s));
        QVERIFY(!kex.contains(u"ext-info-c"_s));
        QVERIFY(!kex.contains(u"kex-strict-c-v00@openssh.com"_s));
    }

    void missingFile()
    {
        const auto config = SshConfig::load(dataFile(u"does-not-exist"_s));
        QVERIFY(!config.has_value());
        QVERIFY(config.error().message.contains(u"does-not-exist"_s));
    }
};

QTEST_GUILESS_MAIN(tst_SshConfig)
#include "tst_sshconfig.moc"
