// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/SshInteraction.h"

#include <QMessageAuthenticationCode>
#include <QStringList>

#include <chrono>

// Answers a connection's questions the way a test decides, and records what was asked.
class ScriptedInteraction : public sshcore::SshInteraction
{
public:
    HostKeyDecision hostKeyDecision = HostKeyDecision::Reject;
    QStringList passwords;  // given in order; cancelled when none are left
    QString totpSecretHex;  // answers "One-time password" prompts with a code
    int totpStepOffset = 0; // of this many 30 s steps from now (pam_oath accepts a code once)
    QString wrongCode;      // if set, answered instead of the real code

    QList<HostKeyQuestion> hostKeyQuestions;
    QList<SecretQuestion> secretQuestions;
    QList<KeyboardInteractiveQuestion> keyboardQuestions;

    void askHostKey(const HostKeyQuestion &question, std::function<void(HostKeyDecision)> answer) override
    {
        hostKeyQuestions.append(question);
        answer(hostKeyDecision);
    }

    void askSecret(const SecretQuestion &question, std::function<void(std::optional<QString>)> answer) override
    {
        secretQuestions.append(question);
        if (passwords.isEmpty())
            answer(std::nullopt);
        else
            answer(passwords.takeFirst());
    }

    void askKeyboardInteractive(const KeyboardInteractiveQuestion &question,
                                std::function<void(std::optional<QStringList>)> answer) override
    {
        keyboardQuestions.append(question);
        QStringList answers;
        for (const Prompt &prompt : question.prompts) {
            if (prompt.text.contains(QStringLiteral("One-time password")))
                answers.append(wrongCode.isEmpty() ? totp(totpSecretHex, totpStepOffset) : wrongCode);
            else if (!passwords.isEmpty())
                answers.append(passwords.takeFirst());
            else
                return answer(std::nullopt);
        }
        answer(answers);
    }

    // RFC 6238 with SHA-1, 30 s steps, 6 digits: what oathtool --totp prints.
    static QString totp(const QString &secretHex, int stepOffset = 0)
    {
        const auto now = std::chrono::system_clock::now().time_since_epoch();
        const quint64 counter = quint64(std::chrono::duration_cast<std::chrono::seconds>(now).count() / 30
                                        + stepOffset);
        QByteArray message(8, '\0');
        for (int i = 0; i < 8; ++i)
            message[7 - i] = char((counter >> (8 * i)) & 0xff);
        const QByteArray mac = QMessageAuthenticationCode::hash(message, QByteArray::fromHex(secretHex.toLatin1()),
                                                                QCryptographicHash::Sha1);
        const int offset = mac.at(mac.size() - 1) & 0x0f;
        const quint32 binary = (quint32(uchar(mac.at(offset)) & 0x7f) << 24)
                               | (quint32(uchar(mac.at(offset + 1))) << 16) | (quint32(uchar(mac.at(offset + 2))) << 8)
                               | quint32(uchar(mac.at(offset + 3)));
        return QStringLiteral("%1").arg(binary % 1000000, 6, 10, QLatin1Char('0'));
    }
};
