# kutse_embed_templates(TARGET t FUNCTION ns::Name DIR templates): compiles the text templates of a
# service (DIR/<language>/<name>.txt) into TARGET as a function that returns them, keyed by
# "<language>/<name>.txt". Built into the binary like the messages (KutseMessages.cmake), so no service
# needs a path to its templates. The build fails when a template is missing in one of the languages.
set(KUTSE_EMBED_TEMPLATES_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/EmbedTemplates.cmake)

function(kutse_embed_templates)
  cmake_parse_arguments(ARG "" "TARGET;FUNCTION;DIR" "" ${ARGN})
  file(GLOB files CONFIGURE_DEPENDS ${ARG_DIR}/*/*.txt)
  if(NOT files)
    message(FATAL_ERROR "kutse_embed_templates: no <language>/<name>.txt in ${ARG_DIR}")
  endif()
  set(output ${CMAKE_CURRENT_BINARY_DIR}/${ARG_TARGET}_templates.cpp)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DFUNCTION=${ARG_FUNCTION} -DDIR=${ARG_DIR} "-DFILES=${files}"
            -P ${KUTSE_EMBED_TEMPLATES_SCRIPT}
    DEPENDS ${files} ${KUTSE_EMBED_TEMPLATES_SCRIPT}
    COMMENT "Embedding the text templates of ${ARG_TARGET}"
    VERBATIM)
  target_sources(${ARG_TARGET} PRIVATE ${output})
endfunction()
