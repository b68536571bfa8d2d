// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/connections/RememberingInteraction.h"

#include "app/secrets/Keyring.h"

namespace app {

using Kind = sshcore::SshInteraction::SecretQuestion::Kind;

RememberingInteraction::RememberingInteraction(sshcore::SshInteraction *person, Keyring *keyring, QObject *parent)
    : SshInteraction(parent)
    , m_person(person)
    , m_keyring(keyring)
{}

void RememberingInteraction::beginLogin()
{
    m_keyringAsked.clear();
    m_fromKeyring.clear();
    m_typed.clear();
}

void RememberingInteraction::loginSucceeded()
{
    const QHash<QString, QString> typed = std::exchange(m_typed, {});
    if (!m_profile.rememberSecrets || !m_keyring)
        return;
    for (auto it = typed.cbegin(); it != typed.cend(); ++it) {
        m_keyring->write(it.key(), it.value(), this, [this](const sshcore::Result<> &written) {
            if (!written)
                Q_EMIT keyringProblem(written.error().message);
        });
    }
}

void RememberingInteraction::forget(Keyring *keyring, const Profile &profile)
{
    if (!keyring)
        return;
    const auto ignore = [](const sshcore::Result<> &) {};
    keyring->remove(Keyring::passwordKey(profile.id), keyring, ignore);
    if (!profile.keyFile.isEmpty())
        keyring->remove(Keyring::passphraseKey(profile.id, profile.keyFile), keyring, ignore);
}

QString RememberingInteraction::keyFor(const SecretQuestion &question) const
{
    return question.kind == Kind::Password ? Keyring::passwordKey(m_profile.id)
                                           : Keyring::passphraseKey(m_profile.id, question.keyFile);
}

void RememberingInteraction::askSecret(const SecretQuestion &question,
                                       std::function<void(std::optional<QString>)> answer)
{
    const QString key = keyFor(question);
    if (m_fromKeyring.contains(key)) {
        // The remembered secret was refused: it is out of date.
        m_fromKeyring.remove(key);
        if (m_keyring)
            m_keyring->remove(key, this, [](const sshcore::Result<> &) {});
        SecretQuestion retry = question;
        retry.previousError = tr("The remembered %1 was not accepted, so it was forgotten. %2")
                                  .arg(question.kind == Kind::Password ? tr("password") : tr("passphrase"),
                                       question.previousError);
        askPerson(retry, key, std::move(answer));
        return;
    }
    if (!m_profile.rememberSecrets || !m_keyring || m_keyringAsked.contains(key)) {
        askPerson(question, key, std::move(answer));
        return;
    }
    m_keyringAsked.insert(key);
    m_keyring->read(key, this, [this, question, key, answer](const sshcore::Result<std::optional<QString>> &stored) {
        if (stored && stored->has_value()) {
            m_fromKeyring.insert(key);
            m_lastSource = AnswerSource::Remembered;
            answer(**stored);
            return;
        }
        if (!stored)
            Q_EMIT keyringProblem(stored.error().message);
        askPerson(question, key, answer);
    });
}

void RememberingInteraction::askPerson(const SecretQuestion &question, const QString &key,
                                       std::function<void(std::optional<QString>)> answer)
{
    if (!m_person) {
        answer(std::nullopt);
        return;
    }
    m_person->askSecret(question, [this, guard = QPointer(this), key, answer](std::optional<QString> secret) {
        if (guard)
            m_lastSource = AnswerSource::Person;
        if (guard && secret)
            m_typed.insert(key, *secret);
        answer(std::move(secret));
    });
}

void RememberingInteraction::askHostKey(const HostKeyQuestion &question, std::function<void(HostKeyDecision)> answer)
{
    if (m_person)
        m_person->askHostKey(question, std::move(answer));
    else
        answer(HostKeyDecision::Reject);
}

void RememberingInteraction::askKeyboardInteractive(const KeyboardInteractiveQuestion &question,
                                                    std::function<void(std::optional<QStringList>)> answer)
{
    if (m_person)
        m_person->askKeyboardInteractive(question, std::move(answer));
    else
        answer(std::nullopt);
}

void RememberingInteraction::showBanner(const QString &banner)
{
    if (m_person)
        m_person->showBanner(banner);
}

void RememberingInteraction::warnHostKeyChanged(const HostKeyChange &change)
{
    if (m_person)
        m_person->warnHostKeyChanged(change);
}

} // namespace app
