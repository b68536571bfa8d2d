// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/session/AlgorithmPreference.h"

#include "sshcore/session/CipherPreference.h"

#include <QCoreApplication>

namespace sshcore::detail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::AlgorithmPreference)
};

} // namespace

namespace {

// What a user is asked about should be the key ssh shows, so the order is OpenSSH's.
const QStringList openSshHostKeyOrder = {QStringLiteral("ssh-ed25519"),
                                         QStringLiteral("ecdsa-sha2-nistp256"),
                                         QStringLiteral("ecdsa-sha2-nistp384"),
                                         QStringLiteral("ecdsa-sha2-nistp521"),
                                         QStringLiteral("rsa-sha2-512"),
                                         QStringLiteral("rsa-sha2-256"),
                                         QStringLiteral("ssh-rsa")};

QStringList supportedBy(LIBSSH2_SESSION *session, int method)
{
    const char **algorithms = nullptr;
    const int count = libssh2_session_supported_algs(session, method, &algorithms);
    QStringList names;
    for (int i = 0; i < count; ++i)
        names.append(QString::fromLatin1(algorithms[i]));
    if (algorithms)
        libssh2_free(session, algorithms);
    return names;
}

QString joined(const QStringList &names)
{
    return names.isEmpty() ? QStringLiteral("(none)") : names.join(QStringLiteral(", "));
}

bool setPreference(LIBSSH2_SESSION *session, int method, const QStringList &names)
{
    const QByteArray list = names.join(u',').toLatin1();
    return libssh2_session_method_pref(session, method, list.constData()) == 0;
}

Error nothingLeft(SshAlgorithmType type, const QString &asked, const QStringList &supported)
{
    const QString keyword = sshAlgorithmKeyword(type);
    return {ErrorKind::Refused,
            Tr::tr("%1 \"%2\" (in ~/.ssh/config or the cluster's settings) leaves no algorithm that "
                   "clusterdesk's SSH library (libssh2 %3) can use, so clusterdesk did not connect. It "
                   "offers: %4. Change %1 to name one of these, or remove it to use the defaults.")
                .arg(keyword, asked, QString::fromLatin1(libssh2_version(0)), joined(supported))};
}

} // namespace

QString OfferedAlgorithms::describe() const
{
    return QStringLiteral("key exchange: %1; host keys: %2; ciphers: %3; MACs: %4")
        .arg(joined(keyExchange), joined(hostKeys), joined(ciphers), joined(macs));
}

Result<OfferedAlgorithms> applyAlgorithmPreferences(LIBSSH2_SESSION *session, const SshAlgorithmChoices &choices,
                                                    const QStringList &knownHostKeyMethods)
{
    OfferedAlgorithms offered;

    const QStringList ciphers = supportedBy(session, LIBSSH2_METHOD_CRYPT_CS);
    offered.ciphers = resolveSshAlgorithms(choices.ciphers, fastCipherOrder(ciphers), ciphers);
    if (offered.ciphers.isEmpty())
        return failure(nothingLeft(SshAlgorithmType::Cipher, choices.ciphers, ciphers));

    const QStringList macs = supportedBy(session, LIBSSH2_METHOD_MAC_CS);
    offered.macs = resolveSshAlgorithms(choices.macs, macs, macs);
    if (offered.macs.isEmpty())
        return failure(nothingLeft(SshAlgorithmType::Mac, choices.macs, macs));

    QStringList kex;
    QStringList markers; // ext-info-c, kex-strict-c-v00@openssh.com: dropping them would turn off
                         // the extensions (strict key exchange is the answer to the Terrapin attack)
    for (const QString &name : supportedBy(session, LIBSSH2_METHOD_KEX))
        (isSshKexExtensionMarker(name) ? markers : kex).append(name);
    offered.keyExchange = resolveSshAlgorithms(choices.kexAlgorithms, kex, kex);
    if (offered.keyExchange.isEmpty())
        return failure(nothingLeft(SshAlgorithmType::KeyExchange, choices.kexAlgorithms, kex));

    const QStringList hostKeys = supportedBy(session, LIBSSH2_METHOD_HOSTKEY);
    const QStringList allowed = resolveSshAlgorithms(choices.hostKeyAlgorithms, openSshHostKeyOrder, hostKeys);
    if (allowed.isEmpty())
        return failure(nothingLeft(SshAlgorithmType::HostKey, choices.hostKeyAlgorithms, hostKeys));
    QStringList known;
    for (const QString &methods : knownHostKeyMethods) {
        for (const QString &method : methods.split(u',', Qt::SkipEmptyParts)) {
            if (allowed.contains(method) && !known.contains(method))
                known.append(method);
        }
    }
    offered.hostKeys = known.isEmpty() ? allowed : known;

    // Only what differs from libssh2's own lists is set, so a session without choices offers what
    // it always did.
    if (offered.ciphers != ciphers) {
        if (!setPreference(session, LIBSSH2_METHOD_CRYPT_CS, offered.ciphers)
            || !setPreference(session, LIBSSH2_METHOD_CRYPT_SC, offered.ciphers))
            return failure(nothingLeft(SshAlgorithmType::Cipher, choices.ciphers, ciphers));
    }
    if (offered.macs != macs) {
        if (!setPreference(session, LIBSSH2_METHOD_MAC_CS, offered.macs)
            || !setPreference(session, LIBSSH2_METHOD_MAC_SC, offered.macs))
            return failure(nothingLeft(SshAlgorithmType::Mac, choices.macs, macs));
    }
    if (offered.keyExchange != kex) {
        if (!setPreference(session, LIBSSH2_METHOD_KEX, offered.keyExchange + markers))
            return failure(nothingLeft(SshAlgorithmType::KeyExchange, choices.kexAlgorithms, kex));
    }
    if (!setPreference(session, LIBSSH2_METHOD_HOSTKEY, offered.hostKeys))
        return failure(nothingLeft(SshAlgorithmType::HostKey, choices.hostKeyAlgorithms, hostKeys));
    return offered;
}

SshNegotiatedMethods negotiatedMethods(LIBSSH2_SESSION *session)
{
    const auto method = [session](int type) {
        const char *name = libssh2_session_methods(session, type);
        return name ? QString::fromLatin1(name) : QString();
    };
    SshNegotiatedMethods methods;
    methods.keyExchange = method(LIBSSH2_METHOD_KEX);
    methods.hostKey = method(LIBSSH2_METHOD_HOSTKEY);
    methods.cipherClientToServer = method(LIBSSH2_METHOD_CRYPT_CS);
    methods.cipherServerToClient = method(LIBSSH2_METHOD_CRYPT_SC);
    methods.macClientToServer = method(LIBSSH2_METHOD_MAC_CS);
    methods.macServerToClient = method(LIBSSH2_METHOD_MAC_SC);
    methods.compressionClientToServer = method(LIBSSH2_METHOD_COMP_CS);
    methods.compressionServerToClient = method(LIBSSH2_METHOD_COMP_SC);
    return methods;
}

} // namespace sshcore::detail
