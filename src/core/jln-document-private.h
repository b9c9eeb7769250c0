/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jln-document.h"

G_BEGIN_DECLS

JlnStore *_jln_document_get_store (JlnDocument *self);

G_END_DECLS
