// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Strings check-translations.py must reject, one kind per line (translations.check.planted in
// tests/i18n/CMakeLists.txt). Never compiled.

#include <QLabel>

namespace ui {

class Planted : public QObject
{
    Q_OBJECT

public:
    void show(QLabel *label, const QString &name, int count);
};

void Planted::show(QLabel *label, const QString &name, int count)
{
    label->setText(tr("Uploading ") + name);                     // edge-space
    label->setText(tr("Copy") + tr("and") + tr("paste"));        // fragment
    label->setText(tr("Deleted %1 file(s)").arg(count));         // hand-plural
    label->setText(tr("%n items"));                              // plural-n
    label->setToolTip(QStringLiteral("Not translated at all"));  // literal
    label->setText(dragTr("Given where lupdate cannot see it")); // wrapper
    label->setText(label->tr("Through a pointer"));              // lupdate: cannot invoke tr() like this
}

} // namespace ui
