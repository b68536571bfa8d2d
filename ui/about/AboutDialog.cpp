// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/about/AboutDialog.h"

#include "ui/about/GuiVersions.h"
#include "ui/widgets/Fonts.h"
#include "ui/widgets/Icons.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About clusterdesk"));
    setObjectName(QStringLiteral("aboutDialog"));

    auto *icon = new QLabel(this);
    icon->setPixmap(appIcon().pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);

    auto *name = new QLabel(QStringLiteral("clusterdesk %1").arg(QStringLiteral(CLUSTERDESK_VERSION)), this);
    makeHeading(name, 1.6);
    name->setAlignment(Qt::AlignCenter);

    auto *summary = new QLabel(tr("The desktop client for your HPC cluster: files, jobs, monitoring "
                                  "and Jupyter over one SSH session, with your second factor asked "
                                  "once."),
                               this);
    summary->setWordWrap(true);
    summary->setAlignment(Qt::AlignCenter);

    auto *versions = new QFormLayout;
    versions->setLabelAlignment(Qt::AlignRight);
    versions->setFormAlignment(Qt::AlignHCenter);
    for (const app::ComponentVersion &component : guiComponentVersions()) {
        if (component.name == u"clusterdesk")
            continue;
        QString version = component.version;
        if (component.name == u"KSyntaxHighlighting") {
            const KSyntaxHighlighting::Repository repository;
            version = tr("%1 (%n syntax definitions)", nullptr, int(repository.definitions().size())).arg(version);
        }
        auto *value = new QLabel(version, this);
        value->setObjectName(QStringLiteral("version:") + component.name);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        versions->addRow(component.name + u':', value);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 16);
    layout->addWidget(icon);
    layout->addSpacing(8);
    layout->addWidget(name);
    layout->addWidget(summary);
    layout->addSpacing(12);
    layout->addLayout(versions);
    layout->addSpacing(12);
    layout->addWidget(buttons);
    setFixedWidth(460);
}

} // namespace ui
