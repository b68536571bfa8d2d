// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/UnattendedInteraction.h"

namespace sshcore {

UnattendedInteraction::UnattendedInteraction(UnattendedLogin login, const SshConnectionSettings &settings,
                                             QObject *parent)
    : SshInteraction(parent)
    , m_login(std::move(login))
    , m_host(settings.host)
    , m_port(settings.port)
    , m_user(settings.user)
{}

bool UnattendedInteraction::isOurServer(const QString &host, const QString &user) const
{
    return host == m_host && (user.isEmpty() || user == m_user);
}

void UnattendedInteraction::askHostKey(const HostKeyQuestion &question, std::function<void(HostKeyDecision)> answer)
{
    const bool same = isOurServer(question.host, {}) && question.port == m_port && !m_login.hostKeySha256.isEmpty()
                      && question.fingerprintSha256 == m_login.hostKeySha256;
    answer(same ? HostKeyDecision::AcceptOnce : HostKeyDecision::Reject);
}

void UnattendedInteraction::askSecret(const SecretQuestion &question,
                                      std::function<void(std::optional<QString>)> answer)
{
    if (!isOurServer(question.host, question.user)) {
        answer(std::nullopt);
        return;
    }
    const bool password = question.kind == SecretQuestion::Kind::Password;
    const QString key = password ? QStringLiteral("password") : question.keyFile;
    std::optional<QString> secret;
    if (password)
        secret = m_login.password;
    else if (const auto found = m_login.passphrases.constFind(question.keyFile); found != m_login.passphrases.cend())
        secret = *found;
    if (!secret || m_given.contains(key)) {
        answer(std::nullopt);
        return;
    }
    m_given.insert(key);
    answer(secret);
}

void UnattendedInteraction::askKeyboardInteractive(const KeyboardInteractiveQuestion &question,
                                                   std::function<void(std::optional<QStringList>)> answer)
{
    Q_UNUSED(question)
    answer(std::nullopt);
}

} // namespace sshcore
