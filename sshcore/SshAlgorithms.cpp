// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/SshAlgorithms.h"

#include "sshcore/Libssh2Library.h"
#include "sshcore/config/SshConfig.h"

#include <algorithm>
#include <libssh2.h>
#include <utility>

namespace sshcore {

namespace {

bool matchFrom(QStringView pattern, QStringView name)
{
    return sshWildcardMatch(pattern, name, Qt::CaseSensitive);
}

int libssh2MethodType(SshAlgorithmType type)
{
    switch (type) {
    case SshAlgorithmType::Cipher: return LIBSSH2_METHOD_CRYPT_CS;
    case SshAlgorithmType::Mac: return LIBSSH2_METHOD_MAC_CS;
    case SshAlgorithmType::KeyExchange: return LIBSSH2_METHOD_KEX;
    case SshAlgorithmType::HostKey: return LIBSSH2_METHOD_HOSTKEY;
    }
    return LIBSSH2_METHOD_KEX;
}

} // namespace

const QString &SshAlgorithmChoices::of(SshAlgorithmType type) const
{
    switch (type) {
    case SshAlgorithmType::Cipher: return ciphers;
    case SshAlgorithmType::Mac: return macs;
    case SshAlgorithmType::KeyExchange: return kexAlgorithms;
    case SshAlgorithmType::HostKey: return hostKeyAlgorithms;
    }
    return ciphers;
}

QString &SshAlgorithmChoices::of(SshAlgorithmType type)
{
    return const_cast<QString &>(std::as_const(*this).of(type));
}

QString sshAlgorithmKeyword(SshAlgorithmType type)
{
    switch (type) {
    case SshAlgorithmType::Cipher: return QStringLiteral("Ciphers");
    case SshAlgorithmType::Mac: return QStringLiteral("MACs");
    case SshAlgorithmType::KeyExchange: return QStringLiteral("KexAlgorithms");
    case SshAlgorithmType::HostKey: return QStringLiteral("HostKeyAlgorithms");
    }
    return {};
}

bool sshAlgorithmMatches(QStringView pattern, QStringView name)
{
    return matchFrom(pattern, name);
}

QStringList resolveSshAlgorithms(QStringView spec, const QStringList &defaults, const QStringList &supported)
{
    spec = spec.trimmed();
    QStringList wanted; // names and patterns, in the order they are tried
    if (spec.isEmpty()) {
        wanted = defaults;
    } else {
        const QChar mode = spec.front();
        const QStringView rest = mode == u'+' || mode == u'-' || mode == u'^' ? spec.sliced(1) : spec;
        QStringList listed;
        for (const QStringView item : rest.split(u',', Qt::SkipEmptyParts))
            listed.append(item.trimmed().toString());
        if (mode == u'+') {
            wanted = defaults + listed;
        } else if (mode == u'^') {
            wanted = listed + defaults;
        } else if (mode == u'-') {
            for (const QString &name : defaults) {
                const bool removed = std::any_of(listed.cbegin(), listed.cend(), [&](const QString &pattern) {
                    return sshAlgorithmMatches(pattern, name);
                });
                if (!removed)
                    wanted.append(name);
            }
        } else {
            wanted = listed;
        }
    }
    QStringList resolved;
    for (const QString &pattern : std::as_const(wanted)) {
        for (const QString &name : supported) {
            if (!resolved.contains(name) && sshAlgorithmMatches(pattern, name))
                resolved.append(name);
        }
    }
    return resolved;
}

bool isSshKexExtensionMarker(QStringView name)
{
    return name.startsWith(u"ext-info-") || name.startsWith(u"kex-strict-");
}

QStringList supportedSshAlgorithms(SshAlgorithmType type)
{
    if (!Libssh2Library::initialize())
        return {};
    // libssh2 answers this per session, though the answer depends only on how it was built.
    LIBSSH2_SESSION *session = libssh2_session_init();
    if (!session)
        return {};
    const char **algorithms = nullptr;
    const int count = libssh2_session_supported_algs(session, libssh2MethodType(type), &algorithms);
    QStringList names;
    for (int i = 0; i < count; ++i) {
        const QString name = QString::fromLatin1(algorithms[i]);
        if (type != SshAlgorithmType::KeyExchange || !isSshKexExtensionMarker(name))
            names.append(name);
    }
    if (algorithms)
        libssh2_free(session, algorithms);
    libssh2_session_free(session);
    return names;
}

} // namespace sshcore
