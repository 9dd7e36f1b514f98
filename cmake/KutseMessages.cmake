# kutse_embed_messages(TARGET t FUNCTION ns::Name DIR messages): compiles the message texts of a
# library or service (DIR/<language>.json, flat key -> text) into TARGET as a function that loads them
# into common::MessageCatalog. Built into the binary, so no service needs a path to its texts.
set(KUTSE_EMBED_MESSAGES_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/EmbedMessages.cmake)

function(kutse_embed_messages)
  cmake_parse_arguments(ARG "" "TARGET;FUNCTION;DIR" "" ${ARGN})
  file(GLOB files CONFIGURE_DEPENDS ${ARG_DIR}/*.json)
  if(NOT files)
    message(FATAL_ERROR "kutse_embed_messages: no <language>.json in ${ARG_DIR}")
  endif()
  set(output ${CMAKE_CURRENT_BINARY_DIR}/${ARG_TARGET}_messages.cpp)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DFUNCTION=${ARG_FUNCTION} "-DFILES=${files}"
            -P ${KUTSE_EMBED_MESSAGES_SCRIPT}
    DEPENDS ${files} ${KUTSE_EMBED_MESSAGES_SCRIPT}
    COMMENT "Embedding the message texts of ${ARG_TARGET}"
    VERBATIM)
  target_sources(${ARG_TARGET} PRIVATE ${output})
endfunction()
